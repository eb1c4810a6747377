import type { ThemeId } from '../types';

/**
 * Per-theme thresholds on the combined score (see evidence.ts), for themes that need more or
 * less evidence than CLASSIFIER_THRESHOLD. calibrate.ts fits them by cross-validation; on this
 * catalogue, thresholds fitted on the examples or on part of themes-eval.jsonl made the other
 * part worse (0.70 → 0.65–0.68 macro-F1 on its "-h" statements), so none ship: every theme uses
 * the one threshold. Add an entry only when a fit helps on text it was not fitted on.
 */
export const THEME_THRESHOLDS: Readonly<Record<ThemeId, number>> = {};
