import type { Theme } from '../catalogue';
import type { ResponseRecord, ThemeId } from '../types';
import { addTo, mergeSmallGroups, type Group } from './minimumGroup';
import { OTHER, type TeamBreakdown, type TeamCell } from './types';

/** The group of answers that came without a team (no code, or a code for the whole project). */
export const NO_TEAM = '_none';

/**
 * Respondents and the average score per theme for each team. Every group has at least k
 * respondents: smaller teams (and "no team") merge into OTHER, and when OTHER is still under k
 * the smallest shown team joins it (mergeSmallGroups). A theme is shown only when every group
 * has k respondents for it, so no hidden cell follows from the totals by subtraction. Undefined
 * when no split into two or more such groups exists: that week has no team breakdown.
 */
export function teamBreakdown(rows: readonly ResponseRecord[], themes: ReadonlyMap<string, Theme>, k: number): TeamBreakdown | undefined {
  const groups = new Map<string, Group>();
  for (const r of rows) addTo(groups, r.team ?? NO_TEAM, r.participant, r.runId);
  const cells = mergeSmallGroups(groups.values(), k);
  if (cells.length < 2) return undefined;
  const shown = new Set(cells.map((c) => c.key));
  const cellOf = (r: ResponseRecord) => {
    const key = r.team ?? NO_TEAM;
    return shown.has(key) ? key : OTHER;
  };

  const acc = new Map<string, Map<ThemeId, { sum: number; count: number; people: Set<string> }>>();
  for (const r of rows) {
    if (r.theme === null || r.score === null || r.skipped) continue;
    const key = cellOf(r);
    let byTheme = acc.get(key);
    if (!byTheme) acc.set(key, (byTheme = new Map()));
    let a = byTheme.get(r.theme);
    if (!a) byTheme.set(r.theme, (a = { sum: 0, count: 0, people: new Set() }));
    a.sum += r.score;
    a.count++;
    a.people.add(r.participant);
  }
  const order = [...themes.keys()];
  const candidates = [...new Set(rows.map((r) => r.theme).filter((t): t is ThemeId => t !== null))].sort(
    (x, y) => (order.indexOf(x) >>> 0) - (order.indexOf(y) >>> 0) || x.localeCompare(y),
  );
  const everywhere = candidates.filter((theme) => cells.every((c) => (acc.get(c.key)?.get(theme)?.people.size ?? 0) >= k));

  const teams: TeamCell[] = cells.map((c) => ({
    key: c.key,
    respondents: c.respondents,
    averages: everywhere.map((theme) => {
      const a = acc.get(c.key)!.get(theme)!;
      return { theme, average: Math.round((a.sum / a.count) * 100) / 100 };
    }),
  }));
  return {
    teams,
    themes: everywhere.map((theme) => ({ theme, label: themes.get(theme)?.label ?? { nl: theme, en: theme } })),
  };
}
