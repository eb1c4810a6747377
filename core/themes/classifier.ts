import { NeuralNetwork, type NeuralCorpusItem } from '@nlpjs/neural';
import type { Locale, ThemeId } from '../types';
import { type Analysis, analyse } from './language';
import type { TrainingData } from './trainingData';

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

/** Everyday answers that belong to no theme, in the way people write them in a chat. */
export const OFF_TOPIC: Record<Locale, readonly string[]> = {
  nl: [
    'geen opmerkingen verder', 'weet ik niet', 'niks bijzonders te melden', 'het was een gewone week', 'vandaag was een goede dag',
    'we hebben een nieuwe bank gekocht', 'ik heb zin in de vakantie', 'ik kijk graag series op mijn laptop',
    'het regent al de hele dag', 'gaat wel', 'ik heb morgen een toets', 'leuk dat jullie het vragen',
    'fijne dag nog', 'dit is een test', 'ik heb een nieuwe fiets', 'alles is oké', 'geen idee eigenlijk', 'later meer',
  ],
  en: [
    'no further comments', "don't know", 'nothing special to report', 'it was an ordinary week', 'today was a good day',
    'we bought a new sofa', "can't wait for the holidays", 'i like watching series on my laptop', 'its been raining all day',
    'it is what it is', 'i have a test tomorrow', 'nice of you to ask', 'have a good day', 'this is a test',
    'got a new bike', 'all good', 'no idea really', 'more later',
  ],
};

// Enough passes for the one-vs-rest perceptrons to settle on a few hundred examples, and well under a second.
const TRAINING = { iterations: 1500, errorThresh: 0.0005, deltaErrorThresh: 0.0000005, learningRate: 0.6, momentum: 0.5, alpha: 0.07 };

/**
 * One NLP.js neural network per language, trained on the shipped examples and reviewed remarks. It is NLP.js's
 * one-perceptron-per-intent network used directly (not through NluManager.process, which is
 * four times slower here), so several themes can score high for one text.
 */
export function trainClassifier(data: TrainingData, lang: Locale): ThemeClassifier {
  const corpus: NeuralCorpusItem[] = [];
  const add = (text: string, themes: readonly ThemeId[]) => {
    const input = featuresOf(analyse(text, lang));
    if (Object.keys(input).length) corpus.push({ input, output: Object.fromEntries(themes.map((t) => [t, 1])) });
  };
  for (const [theme, examples] of data.examples[lang]) for (const example of examples) add(example, [theme]);
  // Reviewed remarks teach every theme they are about at once, and those they are not about.
  for (const e of data.learned) if (e.lang === lang) add(e.text, e.themes);
  if (!corpus.length) return { scores: () => new Map() };
  // Answers about nothing in particular teach every theme that chat words and bare praise are no evidence.
  for (const text of OFF_TOPIC[lang]) corpus.push({ input: featuresOf(analyse(text, lang)), output: {} });
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
