import type { QuestionSet } from '../questionSets';
import { evaluateSessionCheck } from '../sessionCheck';
import type { ResponseRecord } from '../types';
import { guardedCount } from './minimumGroup';
import type { GuardedCount } from './types';

export interface Alerts {
  sessionChecks: GuardedCount;
  lowScoreChecks: GuardedCount;
  safeguardingSignals: GuardedCount;
}

/**
 * Session checks that signal a talk is needed, grouped by run (one check = one run), and
 * flagged free text. Counted only: no run, text or person is ever named, and a count with
 * fewer than k respondents behind it shows as "fewer than k".
 */
export function alertsOf(rows: readonly ResponseRecord[], questionSets: ReadonlyMap<string, QuestionSet>, k: number): Alerts {
  const runs = new Map<string, { participant: string; scores: (number | null)[] }>();
  const flaggedBy = new Set<string>();
  let flagged = 0;
  for (const r of rows) {
    if (r.flagged) {
      flagged++;
      flaggedBy.add(r.participant);
    }
    if (questionSets.get(r.questionSet)?.kind !== 'session-check' || r.theme === null) continue;
    let run = runs.get(r.runId);
    if (!run) runs.set(r.runId, (run = { participant: r.participant, scores: [] }));
    run.scores.push(r.skipped ? null : r.score);
  }
  const checkers = new Set<string>();
  const lowBy = new Set<string>();
  let checks = 0;
  let low = 0;
  for (const run of runs.values()) {
    const result = evaluateSessionCheck(run.scores);
    if (result.answered === 0) continue;
    checks++;
    checkers.add(run.participant);
    if (result.worthTalkingAbout) {
      low++;
      lowBy.add(run.participant);
    }
  }
  return {
    sessionChecks: guardedCount(checks, checkers.size, k),
    lowScoreChecks: guardedCount(low, lowBy.size, k),
    safeguardingSignals: guardedCount(flagged, flaggedBy.size, k),
  };
}
