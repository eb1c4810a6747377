// NLP.js ships no type declarations; these cover only the parts the theme tagger uses.

declare module '@nlpjs/neural' {
  export interface NeuralCorpusItem {
    input: Record<string, number>;
    output: Record<string, number>;
  }
  export interface NeuralSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean;
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralSettings);
    train(corpus: NeuralCorpusItem[]): { error: number; iterations: number };
    run(input: Record<string, number>): Record<string, number> | undefined;
  }
}

declare module '@nlpjs/core' {
  export class BaseStemmer {
    stemWord(word: string): string;
  }
  export class Tokenizer {
    innerTokenize(text: string): string[];
  }
  export class Stopwords {
    isStopword(token: string): boolean;
  }
  export class Container {
    use(item: unknown): void;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/lang-nl' {
  import type { BaseStemmer, Stopwords, Tokenizer } from '@nlpjs/core';
  export class LangNl {}
  export class StemmerNl extends BaseStemmer {}
  export class TokenizerNl extends Tokenizer {}
  export class StopwordsNl extends Stopwords {}
  export const SentimentNl: {
    pattern: Record<string, number>;
    negations: { words: string[] };
    stemmed: boolean;
  };
}

declare module '@nlpjs/lang-en' {
  import type { BaseStemmer, Stopwords, Tokenizer } from '@nlpjs/core';
  export class LangEn {}
  export class StemmerEn extends BaseStemmer {}
  export class TokenizerEn extends Tokenizer {}
  export class StopwordsEn extends Stopwords {}
  export const SentimentEn: {
    senticon: Record<string, number>;
    negations: { words: string[] };
    stemmed: boolean;
  };
}

declare module '@nlpjs/nlu' {
  export class NluNeural {}
  export class NluManager {
    constructor(settings?: Record<string, unknown>);
    add(locale: string, utterance: string, intent: string): void;
    train(settings?: Record<string, unknown>): Promise<unknown>;
    process(locale: string, utterance: string): Promise<{ classifications: { intent: string; score: number }[] }>;
  }
}

declare module '@nlpjs/sentiment' {
  export class SentimentAnalyzer {
    constructor(settings?: Record<string, unknown>, container?: unknown);
    process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number; vote: string } }>;
  }
}
