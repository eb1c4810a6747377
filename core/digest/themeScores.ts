import type { Theme } from '../catalogue';
import type { ResponseRecord, ScoreAggregate, ThemeId } from '../types';
import { directionOf, SCORE_THRESHOLD } from './trend';
import type { ScorePoint, ThemeScore } from './types';

interface Acc {
  sum: number;
  count: number;
  participants: Set<string>;
}

/**
 * Average score per question theme this week, with the weeks before from the store's
 * aggregates (no rows are loaded for them). Roles are summed: a participant has one role, so
 * respondents add up. Weeks and themes under k are left out.
 */
export function themeScores(
  rows: readonly ResponseRecord[],
  previous: readonly ScoreAggregate[],
  previousWeeks: readonly string[],
  themes: ReadonlyMap<string, Theme>,
  k: number,
): { scores: ThemeScore[]; hidden: number } {
  const current = new Map<ThemeId, Acc>();
  for (const r of rows) {
    if (r.theme === null || r.score === null || r.skipped) continue;
    let a = current.get(r.theme);
    if (!a) current.set(r.theme, (a = { sum: 0, count: 0, participants: new Set() }));
    a.sum += r.score;
    a.count++;
    a.participants.add(r.participant);
  }

  const past = new Map<string, { sum: number; count: number; respondents: number }>();
  for (const agg of previous) {
    const key = `${agg.theme}\u0000${agg.week}`;
    const p = past.get(key) ?? { sum: 0, count: 0, respondents: 0 };
    p.sum += agg.sum;
    p.count += agg.count;
    p.respondents += agg.respondents;
    past.set(key, p);
  }

  const order = [...themes.keys()];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const scores: ThemeScore[] = [];
  let hidden = 0;
  for (const [theme, a] of [...current].sort(([x], [y]) => rank(x) - rank(y) || x.localeCompare(y))) {
    if (a.participants.size < k) {
      hidden++;
      continue;
    }
    const trend: ScorePoint[] = [];
    for (const week of previousWeeks) {
      const p = past.get(`${theme}\u0000${week}`);
      if (p && p.respondents >= k && p.count > 0) trend.push({ week, average: round2(p.sum / p.count), respondents: p.respondents });
    }
    const average = round2(a.sum / a.count);
    scores.push({
      theme,
      label: themes.get(theme)?.label ?? { nl: theme, en: theme },
      average,
      respondents: a.participants.size,
      answers: a.count,
      trend,
      direction: directionOf(average, trend.map((p) => p.average), SCORE_THRESHOLD),
    });
  }
  return { scores, hidden };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
