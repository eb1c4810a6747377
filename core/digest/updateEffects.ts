import type { Theme } from '../catalogue';
import { shiftWeek } from '../isoWeek';
import type { Store } from '../../storage/port';
import { currentUpdates } from '../updates/pickUpdates';
import { guardedCount } from './minimumGroup';
import { directionOf, SCORE_THRESHOLD, SHARE_THRESHOLD, TREND_WEEKS } from './trend';
import type { UpdateEffect, UpdateMovement } from './types';

/** Updates listed under "Wat we deden": the newest, so the card stays small. */
export const UPDATES_IN_DIGEST = 5;

/** Weeks from the update's week (exclusive) to the digest week (inclusive), at most a quarter. */
function weeksAfter(updateWeek: string, digestWeek: string): string[] {
  const out: string[] = [];
  for (let w = shiftWeek(updateWeek, 1); w <= digestWeek && out.length < 13; w = shiftWeek(w, 1)) out.push(w);
  return out;
}

/** The update's week and the weeks before it. */
const weeksBefore = (updateWeek: string): string[] => Array.from({ length: TREND_WEEKS }, (_, i) => shiftWeek(updateWeek, -(TREND_WEEKS - 1 - i)));

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function movement(before: number[], after: number[], threshold: number, round: (n: number) => number): UpdateMovement | null {
  if (before.length === 0 || after.length === 0) return null;
  const a = mean(after);
  return { before: round(mean(before)), after: round(a), direction: directionOf(a, before, threshold) ?? 'flat' };
}

const two = (n: number) => Math.round(n * 100) / 100;

/**
 * What became of each current update: how many participants were shown it, and how the theme's
 * score and its share of the free text moved in the weeks after against the weeks up to it. A
 * week counts only with at least k respondents behind the figure, so no small group shows.
 */
export async function updateEffects(
  store: Store,
  themes: ReadonlyMap<string, Theme>,
  project: string,
  digestWeek: string,
  k: number,
): Promise<UpdateEffect[]> {
  const updates = currentUpdates(await store.listUpdates(project)).filter((u) => u.week <= digestWeek).slice(0, UPDATES_IN_DIGEST);
  if (updates.length === 0) return [];
  const reach = await store.updateReach(project);
  const weeks = [...new Set(updates.flatMap((u) => [...weeksBefore(u.week), ...weeksAfter(u.week, digestWeek)]))].sort();
  const [aggregates, mentions] = await Promise.all([store.scoreAggregates(project, weeks), store.themeMentions(project, weeks)]);

  const scoreOf = (theme: string, week: string): number | undefined => {
    const rows = aggregates.filter((a) => a.theme === theme && a.week === week);
    const respondents = rows.reduce((n, r) => n + r.respondents, 0);
    const count = rows.reduce((n, r) => n + r.count, 0);
    return respondents >= k && count > 0 ? rows.reduce((n, r) => n + r.sum, 0) / count : undefined;
  };
  const shareOf = (theme: string, week: string): number | undefined => {
    const w = mentions.find((m) => m.week === week);
    if (!w || w.writers < k) return undefined;
    const n = w.themes.find((t) => t.theme === theme)?.respondents ?? 0;
    // a handful who named it is left out rather than shown as none
    if (n === 0) return 0;
    return n >= k ? n / w.writers : undefined;
  };
  const series = (f: (theme: string, week: string) => number | undefined, theme: string, ws: string[]) =>
    ws.map((w) => f(theme, w)).filter((v): v is number => v !== undefined);

  return updates.map((u) => {
    const before = weeksBefore(u.week);
    const after = weeksAfter(u.week, digestWeek);
    const seen = reach[u.id] ?? 0;
    return {
      id: u.id,
      theme: u.theme,
      label: themes.get(u.theme)?.label ?? { nl: u.theme, en: u.theme },
      week: u.week,
      text: u.text,
      reach: guardedCount(seen, seen, k),
      score: movement(series(scoreOf, u.theme, before), series(scoreOf, u.theme, after), SCORE_THRESHOLD, two),
      mentions: movement(series(shareOf, u.theme, before), series(shareOf, u.theme, after), SHARE_THRESHOLD, two),
    };
  });
}
