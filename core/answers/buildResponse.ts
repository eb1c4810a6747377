import { randomUUID } from 'node:crypto';
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

export function buildResponse(
  run: RunContext,
  question: Question,
  answer: AnswerValue,
  createdAt: Date,
  id: string = randomUUID(),
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
