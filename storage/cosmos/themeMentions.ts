import type { ThemeId } from '../../core/types';
import type { WeekThemeMentions } from '../port';

/** The projection of a response that theme trends need: no text, only whether there was one. */
export interface MentionRow {
  participant: string;
  themes: ThemeId[];
  hasText: boolean;
  sentiment: string | null;
}

/**
 * Reduces one week's projection to writers and per-theme counts, as SQLite's GROUP BY does:
 * a writer is anyone with text, tags or a sentiment (text may already be purged).
 */
export function weekThemeMentions(week: string, rows: Iterable<MentionRow>): WeekThemeMentions {
  const writers = new Set<string>();
  const byTheme = new Map<ThemeId, { who: Set<string>; mentions: number }>();
  for (const r of rows) {
    const themes = Array.isArray(r.themes) ? r.themes : [];
    if (!r.hasText && themes.length === 0 && (r.sentiment === null || r.sentiment === undefined)) continue;
    writers.add(r.participant);
    for (const theme of new Set(themes)) {
      let g = byTheme.get(theme);
      if (!g) byTheme.set(theme, (g = { who: new Set(), mentions: 0 }));
      g.who.add(r.participant);
      g.mentions++;
    }
  }
  return {
    week,
    writers: writers.size,
    themes: [...byTheme]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([theme, g]) => ({ theme, respondents: g.who.size, mentions: g.mentions })),
  };
}
