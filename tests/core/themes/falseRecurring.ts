import type { ThemeId } from '../../../core/types';

/** One statement with its gold themes and the themes the tagger gave it. */
export interface Labelled {
  gold: readonly ThemeId[];
  predicted: readonly ThemeId[];
}

export interface FalseRecurringReport {
  weeks: number;
  /** Theme-weeks the tagger's output shows as recurring. */
  shown: number;
  /** Of those, theme-weeks that are not recurring in the gold labels. */
  falseShown: number;
  /** Theme-weeks recurring in the gold labels that the tagger's output does not show. */
  missed: number;
  /** falseShown / shown (0 when nothing was shown). */
  falseShare: number;
  missedPerWeek: number;
}

/** Small, seeded and fast: the same weeks on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Simulated weekly digests (issue 13): each week draws `perWeek` statements at random without
 * replacement, one statement per person. A theme is truly recurring in a week when at least
 * `minPeople` of them carry it in the gold labels, and shown when at least `minPeople` carry it
 * in the tagger's output. Confirmation by participants is not simulated.
 */
export function simulateFalseRecurring(
  items: readonly Labelled[],
  opts: { weeks?: number; perWeek?: number; minPeople?: number; seed?: number } = {},
): FalseRecurringReport {
  const weeks = opts.weeks ?? 2000;
  const perWeek = Math.min(opts.perWeek ?? 30, items.length);
  const minPeople = opts.minPeople ?? 5;
  const random = mulberry32(opts.seed ?? 13);
  const order = items.map((_, i) => i);
  let shown = 0;
  let falseShown = 0;
  let missed = 0;
  for (let w = 0; w < weeks; w += 1) {
    // A partial Fisher–Yates shuffle: the first perWeek entries are the week's sample.
    for (let i = 0; i < perWeek; i += 1) {
      const j = i + Math.floor(random() * (order.length - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const gold = new Map<ThemeId, number>();
    const predicted = new Map<ThemeId, number>();
    for (let i = 0; i < perWeek; i += 1) {
      const item = items[order[i]!]!;
      for (const t of item.gold) gold.set(t, (gold.get(t) ?? 0) + 1);
      for (const t of item.predicted) predicted.set(t, (predicted.get(t) ?? 0) + 1);
    }
    for (const [theme, n] of predicted) {
      if (n < minPeople) continue;
      shown += 1;
      if ((gold.get(theme) ?? 0) < minPeople) falseShown += 1;
    }
    for (const [theme, n] of gold) if (n >= minPeople && (predicted.get(theme) ?? 0) < minPeople) missed += 1;
  }
  return { weeks, shown, falseShown, missed, falseShare: shown ? falseShown / shown : 0, missedPerWeek: missed / weeks };
}
