import type { Catalogue } from '../catalogue';
import { normalizeText } from '../choiceMatching';
import { findEmergentPhrases } from '../themes/emergent';
import type { ResponseRecord, ThemeId } from '../types';
import type { EmergentTheme } from './types';

/** At most this many new topics in one digest. */
export const MAX_EMERGENT = 5;

/**
 * Recurring phrases no catalogue theme covers, used by at least k distinct respondents this
 * week. Flagged text stays out: a phrase from it could reveal what was written. A phrase most of
 * whose writers were tagged with a theme the digest already shows is that theme, not a new topic.
 */
export function emergentThemes(rows: readonly ResponseRecord[], catalogue: Catalogue, k: number, shown: ReadonlySet<ThemeId> = new Set()): EmergentTheme[] {
  const items = rows
    .filter((r) => r.text !== null && !r.flagged)
    .map((r) => ({ participant: r.participant, text: r.text as string, lang: r.locale, themes: r.themes }));
  if (items.length === 0) return [];
  const normalized = items.map((i) => ({ ...i, text: ` ${normalizeText(i.text)} ` }));
  const coveredByShown = (phrase: string) => {
    const needle = ` ${normalizeText(phrase)} `;
    const writers = normalized.filter((i) => i.text.includes(needle));
    const covered = writers.filter((i) => i.themes.some((th) => shown.has(th)));
    return writers.length > 0 && covered.length * 2 > writers.length;
  };
  return findEmergentPhrases(items, { minRespondents: k, catalogue, max: MAX_EMERGENT * 2 })
    .filter((e) => e.respondents >= k && !coveredByShown(e.phrase))
    .slice(0, MAX_EMERGENT)
    .map((e) => ({ phrase: e.phrase, respondents: e.respondents, lang: e.lang }));
}
