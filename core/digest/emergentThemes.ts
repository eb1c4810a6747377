import type { Catalogue } from '../catalogue';
import { findEmergentPhrases } from '../themes/emergent';
import type { ResponseRecord } from '../types';
import type { EmergentTheme } from './types';

/** At most this many new topics in one digest. */
export const MAX_EMERGENT = 5;

/**
 * Recurring phrases no catalogue theme covers, used by at least k distinct respondents this
 * week. Flagged text stays out: a phrase from it could reveal what was written.
 */
export function emergentThemes(rows: readonly ResponseRecord[], catalogue: Catalogue, k: number): EmergentTheme[] {
  const items = rows
    .filter((r) => r.text !== null && !r.flagged)
    .map((r) => ({ participant: r.participant, text: r.text as string, lang: r.locale, themes: r.themes }));
  if (items.length === 0) return [];
  return findEmergentPhrases(items, { minRespondents: k, catalogue, max: MAX_EMERGENT })
    .filter((e) => e.respondents >= k)
    .map((e) => ({ phrase: e.phrase, respondents: e.respondents, lang: e.lang }));
}
