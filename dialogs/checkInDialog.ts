import { randomUUID } from 'node:crypto';
import type { CardAction } from 'botbuilder';
import { choiceMessage, scaleActions, skipActions } from '../cards/choiceActions';
import { sessionSummaryMessage } from '../cards/sessionSummaryCard';
import { answerId, buildResponse, type AnswerValue, type RunContext } from '../core/answers/buildResponse';
import { prepareFreeText, type PreparedText } from '../core/answers/prepareFreeText';
import { isExactly, matchChoice, matchWhole } from '../core/choiceMatching';
import type { Project } from '../core/projects';
import type { Question, QuestionSet } from '../core/questionSets';
import { safeguardingReply } from '../core/safeguarding/reply';
import { evaluateSessionCheck } from '../core/sessionCheck';
import type { ResponseRecord, Role } from '../core/types';
import { showsAdaptiveCards } from './channelFormat';
import { projectOfTurn } from './projectOfTurn';
import { offerSafeguardingContact } from './safeguardingContactDialog';
import type { RunState, ThemeCheckStep } from './state';
import { askThemeCheck, confirmsThemes } from './themeCheckDialog';
import { ask, say, type Turn } from './turn';

/**
 * The questions of the project's set for the participant's role: the session check for a young
 * person, the check-in for a parent. Every answer is stored the moment it is given, so a
 * conversation dropped halfway keeps what was answered.
 */

interface Current {
  run: RunState;
  set: QuestionSet;
  project: Project;
  role: Role;
  index: number;
  question: Question;
}

function current(turn: Turn): Current | undefined {
  const { run, step } = turn.conv;
  const role = turn.profile.role;
  if (!run || !role || (step?.kind !== 'question' && step?.kind !== 'safeguardingContact' && step?.kind !== 'themeCheck')) return undefined;
  const set = turn.app.data.questionSets.get(run.questionSet);
  const project = turn.app.data.projects.get(run.project);
  if (!set || !project) return undefined;
  const index = step.index;
  const question = set.questions[index];
  if (!question) return undefined;
  return { run, set, project, role, index, question };
}

/** Starts a new run: a new runId groups its answers in the store. */
export async function beginCheckIn(turn: Turn, role: Role): Promise<void> {
  const tie = projectOfTurn(turn);
  const set = turn.app.data.questionSets.get(tie.project.questionSets[role]);
  if (!set) throw new Error(`project ${tie.project.id} has no question set for ${role}`);
  turn.conv.run = {
    id: randomUUID(),
    project: tie.project.id,
    team: tie.team,
    sessionCode: tie.sessionCode,
    questionSet: set.id,
    scores: {},
    hasRemark: false,
  };
  turn.conv.step = { kind: 'question', index: 0, attempts: 0 };
  await say(turn, turn.t(`questions:intro.${role}`, { count: set.questions.length }));
  await askQuestion(turn);
}

/** The choices offered with the current question: the scale, or a single skip on an open question. */
export function questionActions(turn: Turn): CardAction[] | undefined {
  const c = current(turn);
  if (!c) return undefined;
  return c.question.type === 'scale' ? scaleActions(turn.t) : skipActions(turn.t);
}

/** Asks (or re-asks, after a language switch or a command) the current question. */
export async function askQuestion(turn: Turn, withHint = false): Promise<void> {
  const c = current(turn);
  if (!c) return;
  const { t } = turn;
  const text = t('questions:numbered', { n: c.index + 1, total: c.set.questions.length, text: c.question.text[turn.locale] });
  if (c.question.type === 'scale' && withHint) await say(turn, t('questions:scaleHint'));
  await ask(turn, choiceMessage(text, c.question.type === 'scale' ? scaleActions(t) : skipActions(t)));
}

function runContext(turn: Turn, c: Current): RunContext {
  return {
    runId: c.run.id,
    project: c.run.project,
    team: c.run.team,
    timeZone: c.project.timeZone,
    questionSet: c.set.id,
    participant: turn.pseudonym,
    role: c.role,
    channel: turn.channel,
    locale: turn.locale,
  };
}

async function store(turn: Turn, c: Current, answer: AnswerValue): Promise<ResponseRecord> {
  const response = buildResponse(runContext(turn, c), c.question, answer, turn.app.clock.now());
  await turn.app.store.addResponse(response);
  if (c.question.type === 'scale') c.run.scores[c.question.id] = answer.kind === 'score' ? answer.score : null;
  return response;
}

export async function handleAnswer(turn: Turn, text: string): Promise<void> {
  const c = current(turn);
  const step = turn.conv.step;
  if (!c || step?.kind !== 'question') return;
  if (c.question.type === 'scale') {
    const choice = matchChoice(text, turn.vocabulary.scale) ?? matchWhole(text, turn.vocabulary.scaleWords);
    // Danger written instead of a score is kept and answered like a remark in the open question.
    if (choice === undefined) {
      const prepared = prepare(turn, text);
      if (prepared.flagged) return answerFreeText(turn, c, prepared);
      // Whatever else was typed instead of a score is kept too, as a remark on this question
      // (never a score), so a signal the check missed still leaves a trace.
      await keepRemark(turn, c, prepared, step.attempts);
    }
    if (choice === undefined && step.attempts === 0) {
      step.attempts = 1;
      await askQuestion(turn, true);
      return;
    }
    if (choice === undefined || choice === 'skip') {
      await store(turn, c, { kind: 'skipped' });
      if (choice === undefined) await say(turn, turn.t('questions:movingOn'));
    } else {
      await store(turn, c, { kind: 'score', score: Number(choice) });
    }
    await nextQuestion(turn);
    return;
  }
  if (isExactly(text, turn.vocabulary.openSkip)) {
    await store(turn, c, { kind: 'skipped' });
    await nextQuestion(turn);
    return;
  }
  await handleFreeText(turn, c, text);
}

function prepare(turn: Turn, raw: string): PreparedText {
  const { t, app } = turn;
  return prepareFreeText(raw, {
    maxLength: app.config.maxTextLength,
    locale: turn.locale,
    tagger: app.tagger,
    detector: app.data.danger,
    placeholder: (kind) => t(`privacy:placeholder.${kind}`),
  });
}

/** A remark beside a scale question: its own record (a later score must not overwrite it), no score. */
async function keepRemark(turn: Turn, c: Current, prepared: PreparedText, attempt: number): Promise<void> {
  const run = runContext(turn, c);
  const id = answerId(run.runId, `${c.question.id}#remark-${attempt}`);
  const { guesses: _guesses, ...answer } = prepared;
  await turn.app.store.addResponse(buildResponse(run, c.question, { kind: 'text', ...answer }, turn.app.clock.now(), id));
  c.run.hasRemark = true;
}

async function handleFreeText(turn: Turn, c: Current, raw: string): Promise<void> {
  return answerFreeText(turn, c, prepare(turn, raw));
}

async function answerFreeText(turn: Turn, c: Current, prepared: PreparedText): Promise<void> {
  const { t, app } = turn;
  const { guesses, ...answer } = prepared;
  const response = await store(turn, c, { kind: 'text', ...answer });
  c.run.hasRemark = true;
  if (prepared.truncated) await say(turn, t('privacy:truncated', { max: app.config.maxTextLength }));
  if (prepared.flagged) {
    turn.log.warn({ event: 'safeguarding-signal', project: c.run.project }, 'safeguarding signal in free text');
    await say(turn, safeguardingReply(t, c.project.country));
    if (c.role === 'youth' && (await offerSafeguardingContact(turn, c.index, prepared.categories))) return;
  } else if (c.question.type === 'open' && guesses.length > 0 && confirmsThemes(c.project, c.role)) {
    // Only a remark to the open question, never danger: then the helplines come first and alone.
    const step: ThemeCheckStep = { kind: 'themeCheck', index: c.index, response: response.id, week: response.week, answeredAt: response.createdAt, guesses };
    turn.conv.step = step;
    await askThemeCheck(turn, step);
    return;
  }
  await nextQuestion(turn);
}

export async function nextQuestion(turn: Turn): Promise<void> {
  const c = current(turn);
  if (!c) return;
  const index = c.index + 1;
  if (index < c.set.questions.length) {
    turn.conv.step = { kind: 'question', index, attempts: 0 };
    await askQuestion(turn);
    return;
  }
  await finishCheckIn(turn, c);
}

async function finishCheckIn(turn: Turn, c: Current): Promise<void> {
  const { t } = turn;
  if (c.set.kind === 'session-check') {
    const scaleQuestions = c.set.questions.filter((q) => q.type === 'scale');
    const scores = scaleQuestions.map((q) => c.run.scores[q.id] ?? null);
    const result = evaluateSessionCheck(scores);
    const summary = {
      items: scaleQuestions.map((q, i) => ({ question: q.text[turn.locale], score: scores[i] })),
      worthTalkingAbout: result.worthTalkingAbout,
      hasRemark: c.run.hasRemark,
    };
    await say(turn, sessionSummaryMessage(t, summary, { cards: showsAdaptiveCards(turn.channel) }));
  } else {
    await say(turn, t('summary:parentThanks'));
  }
  // What happens with the answers and how to take part again, as the last word of the run.
  await say(turn, t(`summary:after.${c.role}`));
  turn.log.info({ event: 'check-in-finished', project: c.run.project }, 'check-in finished');
  turn.conv.step = { kind: 'finished' };
  turn.conv.run = undefined;
}
