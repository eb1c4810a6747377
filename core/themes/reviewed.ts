import type { ThemeCheck, ThemeId } from '../types';
import type { TrainingExample } from './trainingData';

/** Operators' reviews that still keep their text, as training examples (the tagger learns them at start-up). */
export function reviewedExamples(checks: readonly ThemeCheck[]): TrainingExample[] {
  return checks.filter((c) => c.by === 'operator' && c.text !== null).map((c) => ({ text: c.text!, lang: c.locale, themes: [...c.themes] }));
}

export interface ReviewAccuracy {
  reviewed: number;
  /** Share of reviewed remarks whose tags were exactly right. */
  exact: number;
  /** Of all tags the tagger gave, the share the operator kept; of all themes the operator gave, the share the tagger had. */
  precision: number;
  recall: number;
}

/** How right the tagger was on the remarks operators reviewed (what it said against what they decided). */
export function reviewAccuracy(checks: readonly ThemeCheck[]): ReviewAccuracy {
  const reviews = checks.filter((c) => c.by === 'operator');
  let exact = 0;
  let kept = 0;
  let guessed = 0;
  let decided = 0;
  for (const c of reviews) {
    const truth = new Set<ThemeId>(c.themes);
    const hits = c.guessed.filter((t) => truth.has(t)).length;
    if (hits === truth.size && hits === c.guessed.length) exact += 1;
    kept += hits;
    guessed += c.guessed.length;
    decided += truth.size;
  }
  const share = (a: number, b: number) => (b ? a / b : 1);
  return { reviewed: reviews.length, exact: share(exact, reviews.length), precision: share(kept, guessed), recall: share(kept, decided) };
}
