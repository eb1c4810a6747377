import type { ConfigData } from '../configData';
import { mondayOf, shiftWeek } from '../isoWeek';
import type { Store } from '../../storage/port';
import { alertsOf } from './alerts';
import { emergentThemes } from './emergentThemes';
import { participationOf } from './participation';
import { recurringThemes } from './recurringThemes';
import { teamBreakdown } from './teamBreakdown';
import { themeScores } from './themeScores';
import { TREND_WEEKS } from './trend';
import type { Digest } from './types';
import { updateEffects } from './updateEffects';

/** Recurring themes shown in one digest. */
export const TOP_THEMES = 5;

export class DigestInputError extends Error {
  override readonly name = 'DigestInputError';
}

const withTeams = (teams: Digest['teams']) => (teams ? { teams } : {});

function isoDate(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * The digest of one project-week. Tags and sentiment were computed when each answer was
 * stored, so this only aggregates. Every figure is based on at least opts.k respondents.
 */
export async function computeDigest(
  store: Store,
  data: ConfigData,
  project: string,
  week: string,
  opts: { k: number; now: Date },
): Promise<Digest> {
  const p = data.projects.get(project);
  if (!p) throw new DigestInputError(`unknown project "${project}"`);
  const k = opts.k;
  const [y, m, d] = mondayOf(week);
  const base: Digest = {
    project,
    projectName: p.name,
    week,
    from: isoDate(y, m, d),
    to: isoDate(y, m, d + 6),
    timeZone: p.timeZone,
    k,
    generatedAt: opts.now.toISOString(),
    enough: false,
    totals: null,
    byRole: [],
    byChannel: [],
    scores: [],
    hiddenScores: 0,
    freeTextRespondents: null,
    themes: [],
    hiddenThemes: 0,
    emergent: [],
    sessionChecks: { kind: 'fewerThanK' },
    lowScoreChecks: { kind: 'fewerThanK' },
    safeguardingSignals: { kind: 'fewerThanK' },
    // what the team did is shown also in a quiet week; its figures are guarded on their own
    updates: await updateEffects(store, data.themes, project, week, k),
  };

  const rows = await store.listResponsesForWeek(project, week);
  const participation = participationOf(rows, k);
  if (participation.totals.respondents < k) return base;

  const previousWeeks = Array.from({ length: TREND_WEEKS }, (_, i) => shiftWeek(week, TREND_WEEKS - i));
  const aggregates = await store.scoreAggregates(project, previousWeeks);
  const scores = themeScores(rows, aggregates, previousWeeks, data.themes, k);

  // Previous weeks as counts from the store: their rows are never loaded.
  const previousMentions = await store.themeMentions(project, previousWeeks);
  const checks = await store.listThemeChecks({ project, week });
  const themes = recurringThemes(rows, previousMentions, data.themes, k, TOP_THEMES, checks);

  return {
    ...base,
    enough: true,
    totals: participation.totals,
    byRole: participation.byRole,
    byChannel: participation.byChannel,
    scores: scores.scores,
    hiddenScores: scores.hidden,
    freeTextRespondents: themes.writers >= k ? themes.writers : null,
    themes: themes.themes,
    hiddenThemes: themes.hidden,
    emergent: emergentThemes(rows, data.catalogue, k, new Set([...themes.themes.map((th) => th.theme), ...scores.scores.map((s) => s.theme)])),
    ...alertsOf(rows, data.questionSets, k),
    ...withTeams(teamBreakdown(rows, data.themes, k)),
  };
}
