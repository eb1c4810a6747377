import { SIGNAL_CATEGORIES, type SignalCategory } from './lexiconSchema';
import { wordsOf } from './normalize';

/** One training message: its text and the kind of danger it signals (null: a near-miss or an ordinary message). */
export interface LabelledMessage {
  text: string;
  category: SignalCategory | null;
}

export interface LearnedOpinion {
  /** Probability that the message needs help (any category). */
  danger: number;
  /** The most likely category when it does. */
  category: SignalCategory;
}

export interface LearnedModel {
  opinion(text: string): LearnedOpinion;
}

export interface TrainingOptions {
  epochs?: number;
  /** Weight decay per update: keeps a single rare word from deciding alone. */
  l2?: number;
  rate?: number;
}

/** Feature buckets: enough that collisions are rare for a few thousand messages, small enough to train in milliseconds. */
const BUCKETS = 1 << 18;
const CLASSES = ['none', ...SIGNAL_CATEGORIES] as const;

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % BUCKETS;
}

/**
 * What the model sees of a message: its words, neighbouring word pairs, and the letter
 * sequences (3 to 5 letters) inside each word — so "gekrast", "krassen" and "kras" share
 * "kras", and a typo keeps most of a word's sequences. Words are normalised as the rules read them.
 */
export function featuresOf(text: string): number[] {
  const words = wordsOf(text);
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.add(hash(`w:${w}`));
    if (i > 0) out.add(hash(`b:${words[i - 1]} ${w}`));
    const padded = ` ${w} `;
    for (let n = 3; n <= 5; n++) for (let j = 0; j + n <= padded.length; j++) out.add(hash(`c:${padded.slice(j, j + n)}`));
  }
  return [...out];
}

/**
 * A multinomial logistic regression over hashed word and letter features: a second opinion
 * next to the word-list rules, learned from messages written by people who never saw the
 * rules, so it catches wordings no list foresaw. Training takes a few tens of milliseconds.
 */
export function trainLearnedModel(examples: readonly LabelledMessage[], options: TrainingOptions = {}): LearnedModel {
  const epochs = options.epochs ?? 8;
  const l2 = options.l2 ?? 1e-4;
  const k = CLASSES.length;
  const weights = new Float64Array(BUCKETS * k);
  const bias = new Float64Array(k);
  const data = examples.map((e) => ({ x: Int32Array.from(featuresOf(e.text), (f) => f * k), y: e.category === null ? 0 : CLASSES.indexOf(e.category) }));
  const scores = new Float64Array(k);
  const gradient = new Float64Array(k);
  const probabilities = (x: Int32Array): Float64Array => {
    for (let c = 0; c < k; c++) scores[c] = bias[c]!;
    for (let i = 0; i < x.length; i++) {
      const at = x[i]!;
      for (let c = 0; c < k; c++) scores[c] = scores[c]! + weights[at + c]!;
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (scores[c]! > max) max = scores[c]!;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      scores[c] = Math.exp(scores[c]! - max);
      sum += scores[c]!;
    }
    for (let c = 0; c < k; c++) scores[c] = scores[c]! / sum;
    return scores;
  };
  // A fixed shuffle (no Math.random): the same lists always give the same model.
  let seed = 12345;
  const order = data.map((_, i) => i);
  const decay = 1 - l2;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    const rate = (options.rate ?? 0.5) / (1 + epoch * 0.3);
    for (const i of order) {
      const { x, y } = data[i]!;
      const p = probabilities(x);
      const step = rate / Math.sqrt(x.length);
      for (let c = 0; c < k; c++) {
        gradient[c] = (c === y ? 1 : 0) - p[c]!;
        bias[c] = bias[c]! + rate * 0.1 * gradient[c]!;
        gradient[c] = gradient[c]! * step;
      }
      for (let i = 0; i < x.length; i++) {
        const at = x[i]!;
        for (let c = 0; c < k; c++) weights[at + c] = weights[at + c]! * decay + gradient[c]!;
      }
    }
  }
  return {
    opinion(text) {
      const x = Int32Array.from(featuresOf(text), (f) => f * k);
      if (!x.length) return { danger: 0, category: 'suicide' };
      const p = probabilities(x);
      let best = 1;
      for (let c = 2; c < k; c++) if (p[c]! > p[best]!) best = c;
      return { danger: 1 - p[0]!, category: CLASSES[best] as SignalCategory };
    },
  };
}
