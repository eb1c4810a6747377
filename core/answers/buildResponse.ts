import { createHash } from 'node:crypto';
import { isoWeek } from '../isoWeek';
import type { Question } from '../questionSets';
import type { Locale, ResponseRecord, Role, Sentiment, ThemeId } from '../types';

/** Where an answer belongs: one check-in run of one participant. */
export interface RunContext {
  runId: string;
  project: string;
  team: string | null;
  timeZone: string;
  questionSet: string;
  participant: string;
  role: Role;
  channel: string;
  locale: Locale;
}

/** What the participant gave: a score, a skip, or prepared (scrubbed) free text. */
export type AnswerValue =
  | { kind: 'score'; score: number }
  | { kind: 'skipped' }
  | { kind: 'text'; text: string; themes: ThemeId[]; sentiment: Sentiment; flagged: boolean };

/**
 * One answer per question per run: a retried turn (after a store outage between writing the
 * answer and saving the conversation) overwrites its answer instead of adding a second one.
 */
export function answerId(runId: string, questionId: string): string {
  const h = createHash('sha256').update(`${runId}\u0000${questionId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function buildResponse(
  run: RunContext,
  question: Question,
  answer: AnswerValue,
  createdAt: Date,
  id: string = answerId(run.runId, question.id),
): ResponseRecord {
  return {
    id,
    project: run.project,
    team: run.team,
    participant: run.participant,
    role: run.role,
    channel: run.channel,
    questionSet: run.questionSet,
    question: question.id,
    runId: run.runId,
    theme: question.type === 'scale' ? question.theme : null,
    themes: answer.kind === 'text' ? answer.themes : [],
    score: answer.kind === 'score' ? answer.score : null,
    skipped: answer.kind === 'skipped',
    text: answer.kind === 'text' ? answer.text : null,
    sentiment: answer.kind === 'text' ? answer.sentiment : null,
    flagged: answer.kind === 'text' ? answer.flagged : false,
    locale: run.locale,
    createdAt: createdAt.toISOString(),
    week: isoWeek(createdAt, run.timeZone),
  };
}
