import { NeuralNetwork, type NeuralCorpusItem } from '@nlpjs/neural';
import type { Catalogue } from '../catalogue';
import type { Locale, ThemeId } from '../types';
import { type Analysis, analyse } from './language';

/**
 * The bag of stems (and neighbouring stem pairs) the classifier sees. Stopwords are left out,
 * so "te lang wachten" and "lang gewacht" share what matters.
 */
export function featuresOf(a: Analysis): Record<string, number> {
  const features: Record<string, number> = {};
  let previous: string | null = null;
  for (let i = 0; i < a.words.length; i += 1) {
    if (!a.content[i]) continue;
    const stem = a.stems[i]!;
    features[stem] = 1;
    // Word starts catch Dutch compounds and spelling variants: "wachtlijst", "wachttijd", "wachtte".
    if (stem.length > PREFIX) features[`${stem.slice(0, PREFIX)}~`] = 1;
    if (previous !== null) features[`${previous}_${stem}`] = 1;
    previous = stem;
  }
  return features;
}

/** Length of the word start used as an extra feature; 5 did best in cross-validation on the examples. */
const PREFIX = 5;

export interface ThemeClassifier {
  /** Score per theme, about 1 for text like a theme's examples, about 0 for unrelated text. */
  scores(a: Analysis): Map<ThemeId, number>;
}

// Enough passes for the one-vs-rest perceptrons to settle on a few hundred examples, and well under a second.
const TRAINING = { iterations: 1500, errorThresh: 0.0005, deltaErrorThresh: 0.0000005, learningRate: 0.6, momentum: 0.5, alpha: 0.07 };

/**
 * One NLP.js neural network per language, trained on the catalogue's examples. It is NLP.js's
 * one-perceptron-per-intent network used directly (not through NluManager.process, which is
 * four times slower here), so several themes can score high for one text.
 */
export function trainClassifier(catalogue: Catalogue, lang: Locale): ThemeClassifier {
  const corpus: NeuralCorpusItem[] = [];
  for (const theme of catalogue.themes) {
    for (const example of theme.examples[lang]) {
      const input = featuresOf(analyse(example, lang));
      if (Object.keys(input).length) corpus.push({ input, output: { [theme.id]: 1 } });
    }
  }
  if (!corpus.length) return { scores: () => new Map() };
  // NLP.js's "none" trick: a featureless sample with all outputs near 0 pulls every bias down.
  corpus.push({ input: { nonefeature: 1 }, output: {} });
  const net = new NeuralNetwork(TRAINING);
  net.train(corpus);
  return {
    scores(a: Analysis): Map<ThemeId, number> {
      const result = new Map<ThemeId, number>();
      const input = featuresOf(a);
      let any = false;
      for (const _ in input) {
        any = true;
        break;
      }
      if (!any) return result;
      const out = net.run(input) ?? {};
      for (const [theme, score] of Object.entries(out)) if (score > 0) result.set(theme, score);
      return result;
    },
  };
}
