import { SENTIMENTS, type Locale, type Sentiment, type ThemeId } from '../types';
import { type Analysis, stemWord } from './language';

/**
 * Multi-label theme model: one logistic regression per theme (one-vs-rest) over sparse binary
 * features, so a long account can score high for three themes at once, which a softmax over
 * themes cannot. Sentiment is a four-class softmax over the same features plus negation-marked
 * stems. Both train at start-up from the shipped material in well under a second.
 */

/** Words that flip what follows them within the clause ("niet gehoord", "never listened"). */
const NEGATIONS: Record<Locale, ReadonlySet<string>> = {
  nl: new Set(['niet', 'geen', 'nooit', 'niemand', 'niks', 'niets', 'nergens']),
  en: new Set(['not', 'no', 'never', 'nobody', "didn't", "don't", "wasn't", "isn't", "couldn't", "won't", 'nothing', 'without', "doesn't", "weren't", "can't", 'cannot']),
};

const MIN_COMPOUND_PART = 4;

/** The features of one text, as strings; `words` is the vocabulary of whole words seen in training (for compound parts). */
export function textFeatures(a: Analysis, words: ReadonlySet<string> | null): string[] {
  const out = new Set<string>();
  let previous: string | null = null;
  let negated = false;
  const negations = NEGATIONS[a.lang];
  for (let i = 0; i < a.words.length; i += 1) {
    const word = a.words[i]!;
    if (a.clauseStart[i]) negated = false;
    if (negations.has(word)) {
      negated = true;
      out.add(`n:${word}`);
    }
    if (!a.content[i]) continue;
    const stem = a.stems[i]!;
    out.add(`w:${stem}`);
    if (negated) out.add(`x:${stem}`);
    if (previous !== null) out.add(`b:${previous}_${stem}`);
    previous = stem;
    // Character 4-grams catch spelling variants and the parts of compounds the vocabulary lacks.
    const padded = MODEL_SETTINGS.charGrams ? `<${word}>` : '';
    for (let j = 0; j + 4 <= padded.length; j += 1) out.add(`c:${padded.slice(j, j + 4)}`);
    // Dutch compounds split against the vocabulary: "wachtlijst" → "wacht" + "lijst".
    if (words && a.lang === 'nl' && word.length >= 2 * MIN_COMPOUND_PART) {
      for (let j = MIN_COMPOUND_PART; j <= word.length - MIN_COMPOUND_PART; j += 1) {
        const head = word.slice(0, j);
        let tail = word.slice(j);
        if (!words.has(head)) continue;
        if (!words.has(tail) && tail.startsWith('s') && words.has(tail.slice(1))) tail = tail.slice(1);
        if (!words.has(tail)) continue;
        out.add(`w:${stemWord(head, 'nl')}`);
        out.add(`w:${stemWord(tail, 'nl')}`);
      }
    }
  }
  return [...out];
}

export interface LabelledText {
  analysis: Analysis;
  themes: readonly ThemeId[];
  sentiment?: Sentiment;
  /** How much this example counts (shipped one-theme examples count less than real statements). */
  weight: number;
}

export interface MultiLabelModel {
  /** Probability per theme that the text is about it. */
  themeScores(a: Analysis): Map<ThemeId, number>;
  /** Probability per sentiment class; empty when the model saw no sentiment labels. */
  sentimentScores(a: Analysis): Map<Sentiment, number>;
}


/** Fitted by 5-fold cross-validation on the real development part (tests/core/themes/crossValidate.ts). */
export const MODEL_SETTINGS = { epochs: 20, learningRate: 1.5, l2: 1e-4, charGrams: true, minDf: 2 };

/** Seeded so the same material always gives the same model. */
function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function trainMultiLabel(items: readonly LabelledText[], themes: readonly ThemeId[]): MultiLabelModel {
  const words = new Set<string>();
  for (const it of items) for (const w of it.analysis.words) if (w.length >= MIN_COMPOUND_PART) words.add(w);
  // A feature seen in one text only is noise to a model this small.
  const df = new Map<string, number>();
  const raw = items.map((it) => textFeatures(it.analysis, words));
  for (const fs of raw) for (const f of fs) df.set(f, (df.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of df) if (n >= MODEL_SETTINGS.minDf) index.set(f, index.size);
  const vectors = raw.map((fs) => Int32Array.from(fs.map((f) => index.get(f) ?? -1).filter((i) => i >= 0)));
  const dim = index.size;
  // Long texts have many features; scaling by 1/sqrt(n) keeps their scores comparable with short ones.
  const scale = vectors.map((v) => (v.length ? 1 / Math.sqrt(v.length) : 0));

  const themeWeights = themes.map(() => new Float64Array(dim + 1));
  const themeIndex = new Map(themes.map((t, i) => [t, i]));
  const gold = items.map((it) => {
    const g = new Uint8Array(themes.length);
    for (const t of it.themes) {
      const k = themeIndex.get(t);
      if (k !== undefined) g[k] = 1;
    }
    return g;
  });
  const labelledSentiment = items.some((it) => it.sentiment);
  const sentimentWeights = SENTIMENTS.map(() => new Float64Array(dim + 1));
  const probs = new Float64Array(SENTIMENTS.length);
  for (let epoch = 0; epoch < MODEL_SETTINGS.epochs; epoch += 1) {
    const rate = MODEL_SETTINGS.learningRate / (1 + epoch * 0.5);
    for (const n of shuffled(items.length, 7 + epoch)) {
      const v = vectors[n]!;
      const s = scale[n]!;
      const w = items[n]!.weight;
      for (let k = 0; k < themes.length; k += 1) {
        const wk = themeWeights[k]!;
        let z = wk[dim]!;
        for (let j = 0; j < v.length; j += 1) z += wk[v[j]!]! * s;
        const g = (gold[n]![k]! - sigmoid(z)) * rate * w;
        wk[dim] = wk[dim]! + g;
        for (let j = 0; j < v.length; j += 1) wk[v[j]!] = wk[v[j]!]! * (1 - MODEL_SETTINGS.l2) + g * s;
      }
      const label = items[n]!.sentiment;
      if (!label) continue;
      let max = -Infinity;
      for (let c = 0; c < SENTIMENTS.length; c += 1) {
        const wc = sentimentWeights[c]!;
        let z = wc[dim]!;
        for (let j = 0; j < v.length; j += 1) z += wc[v[j]!]! * s;
        probs[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let c = 0; c < SENTIMENTS.length; c += 1) {
        probs[c] = Math.exp(probs[c]! - max);
        sum += probs[c]!;
      }
      for (let c = 0; c < SENTIMENTS.length; c += 1) {
        const wc = sentimentWeights[c]!;
        const g = ((SENTIMENTS[c] === label ? 1 : 0) - probs[c]! / sum) * rate * w;
        wc[dim] = wc[dim]! + g;
        for (let j = 0; j < v.length; j += 1) wc[v[j]!] = wc[v[j]!]! * (1 - MODEL_SETTINGS.l2) + g * s;
      }
    }
  }

  const vectorOf = (a: Analysis): Int32Array => {
    const fs = textFeatures(a, words);
    const v: number[] = [];
    for (const f of fs) {
      const i = index.get(f);
      if (i !== undefined) v.push(i);
    }
    return Int32Array.from(v);
  };
  const linear = (wk: Float64Array, v: Int32Array, s: number) => {
    let z = wk[dim]!;
    for (let j = 0; j < v.length; j += 1) z += wk[v[j]!]! * s;
    return z;
  };
  return {
    themeScores(a: Analysis): Map<ThemeId, number> {
      const result = new Map<ThemeId, number>();
      const v = vectorOf(a);
      if (!v.length) return result;
      const s = 1 / Math.sqrt(v.length);
      themes.forEach((t, k) => result.set(t, sigmoid(linear(themeWeights[k]!, v, s))));
      return result;
    },
    sentimentScores(a: Analysis): Map<Sentiment, number> {
      const result = new Map<Sentiment, number>();
      if (!labelledSentiment) return result;
      const v = vectorOf(a);
      const s = v.length ? 1 / Math.sqrt(v.length) : 0;
      const z = SENTIMENTS.map((_, c) => linear(sentimentWeights[c]!, v, s));
      const max = Math.max(...z);
      const e = z.map((x) => Math.exp(x - max));
      const sum = e.reduce((x, y) => x + y, 0);
      SENTIMENTS.forEach((c, i) => result.set(c, e[i]! / sum));
      return result;
    },
  };
}
