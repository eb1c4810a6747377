import type { Theme } from '../catalogue';
import type { WeekThemeMentions } from '../../storage/port';
import type { ResponseRecord, Sentiment, ThemeCheck, ThemeId } from '../types';
import { applyThemeChecks } from './checkedThemes';
import { mergeSmallGroups, newGroup, type Group } from './minimumGroup';
import { pickQuotes } from './quotes';
import { directionOf, SHARE_THRESHOLD } from './trend';
import type { MentionPoint, RecurringTheme, SentimentCell } from './types';

/** Free text of this week reduced to who mentioned which theme. */
export interface Mentions {
  /** Everyone who wrote something (also when retention has removed the text itself). */
  writers: Set<string>;
  byTheme: Map<ThemeId, Set<string>>;
}

export function isFreeText(r: ResponseRecord): boolean {
  return r.text !== null || r.themes.length > 0 || r.sentiment !== null;
}

export function mentionsOf(rows: readonly ResponseRecord[]): Mentions {
  const m: Mentions = { writers: new Set(), byTheme: new Map() };
  for (const r of rows) {
    if (!isFreeText(r)) continue;
    m.writers.add(r.participant);
    for (const theme of r.themes) {
      let s = m.byTheme.get(theme);
      if (!s) m.byTheme.set(theme, (s = new Set()));
      s.add(r.participant);
    }
  }
  return m;
}

function sentimentMix(rows: readonly ResponseRecord[], theme: ThemeId, k: number): SentimentCell[] {
  const groups = new Map<Sentiment, Group>();
  for (const r of rows) {
    if (!r.sentiment || !r.themes.includes(theme)) continue;
    let g = groups.get(r.sentiment);
    if (!g) groups.set(r.sentiment, (g = newGroup(r.sentiment)));
    g.participants.add(r.participant);
    g.answers++;
  }
  return mergeSmallGroups(groups.values(), k).map((c) => ({ key: c.key as SentimentCell['key'], respondents: c.respondents }));
}

/**
 * The themes most respondents wrote about this week, after what participants and operators said
 * about the tags (applyThemeChecks): a tag is strong evidence on its own (the tagger tags only
 * from its threshold on), a contradicted guess is none. each with its share of the writers,
 * its sentiment mix, its trend over the previous weeks and up to two quotes. Only themes
 * that at least k distinct respondents mentioned; a previous week under k is left out.
 * Previous weeks arrive as counts (Store.themeMentions), so their rows are never loaded.
 */
export function recurringThemes(
  stored: readonly ResponseRecord[],
  previous: readonly WeekThemeMentions[],
  themes: ReadonlyMap<string, Theme>,
  k: number,
  top: number,
  checks: readonly ThemeCheck[] = [],
): { themes: RecurringTheme[]; hidden: number; writers: number } {
  const { rows, confirmedBy } = applyThemeChecks(stored, checks);
  const now = mentionsOf(rows);
  const ranked = [...now.byTheme]
    .filter(([, who]) => who.size >= k)
    .sort(([a, x], [b, y]) => y.size - x.size || a.localeCompare(b));
  const shown = ranked.slice(0, top);
  const quoted = new Set<string>();
  const result: RecurringTheme[] = shown.map(([theme, who]) => {
    const share = who.size / now.writers.size;
    const trend: MentionPoint[] = [];
    for (const { week, writers, themes: counted } of previous) {
      const n = counted.find((c) => c.theme === theme)?.respondents ?? 0;
      if (n >= k) trend.push({ week, respondents: n, share: round3(n / writers) });
    }
    return {
      theme,
      label: themes.get(theme)?.label ?? { nl: theme, en: theme },
      respondents: who.size,
      confirmed: (confirmedBy.get(theme)?.size ?? 0) >= k ? confirmedBy.get(theme)!.size : null,
      share: round3(share),
      sentiment: sentimentMix(rows, theme, k),
      trend,
      direction: directionOf(share, trend.map((p) => p.share), SHARE_THRESHOLD),
      quotes: pickQuotes(rows, theme, 2, quoted),
    };
  });
  return { themes: result, hidden: now.byTheme.size - shown.length, writers: now.writers.size };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
