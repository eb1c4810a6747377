import type { Direction } from './types';

/**
 * This week against the mean of the previous weeks that could be shown. A change smaller than
 * the threshold is "flat", so a lead is not sent chasing noise.
 */
export function directionOf(current: number, previous: readonly number[], threshold: number): Direction | null {
  if (previous.length === 0) return null;
  const mean = previous.reduce((a, b) => a + b, 0) / previous.length;
  if (current - mean >= threshold) return 'up';
  if (mean - current >= threshold) return 'down';
  return 'flat';
}

/** Score averages move by at least this much (on 1–5) before an arrow shows. */
export const SCORE_THRESHOLD = 0.2;
/** Theme shares move by at least five percentage points before an arrow shows. */
export const SHARE_THRESHOLD = 0.05;
/** Weeks before the digest week that make up a trend. */
export const TREND_WEEKS = 4;
