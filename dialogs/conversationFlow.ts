import { askQuestion, beginCheckIn, handleAnswer, nextQuestion } from './checkInDialog';
import { askConsent, handleConsent } from './consentDialog';
import { askRole, handleRole } from './roleDialog';
import { answerDangerSignal } from './dangerSignal';
import { AFTER_CHECK_IN, askSafeguardingContact, handleSafeguardingContact, offerSafeguardingContact } from './safeguardingContactDialog';
import { askAfterCodeProblem } from './sessionCodeDialog';
import { askThemeCheck, handleThemeCheck } from './themeCheckDialog';
import { say, type Turn } from './turn';
import { showNewUpdates } from './updatesDialog';
import type { Role } from '../core/types';

/** First contact in order: consent (once), role (once), then the questions. */
export async function startFlow(turn: Turn): Promise<void> {
  if (turn.profile.consent !== true) return askConsent(turn);
  if (!turn.profile.role) return askRole(turn);
  return beginWithNews(turn, turn.profile.role);
}

/** What the team did with earlier answers comes first, then the check-in's questions. */
async function beginWithNews(turn: Turn, role: Role): Promise<void> {
  await showNewUpdates(turn);
  return beginCheckIn(turn, role);
}

/** Asks again whatever the participant still has to answer, in the current language. */
export async function reprompt(turn: Turn): Promise<void> {
  const step = turn.conv.step;
  switch (step?.kind) {
    case undefined:
      return startFlow(turn);
    case 'consent':
      return askConsent(turn);
    case 'role':
      return askRole(turn);
    case 'question':
      return askQuestion(turn);
    case 'safeguardingContact':
      return askSafeguardingContact(turn, step.index, step.categories ?? []);
    case 'themeCheck':
      return askThemeCheck(turn, step);
    case 'awaitingCode':
      return askAfterCodeProblem(turn, step.problem);
    case 'finished':
    case 'declined':
      return;
  }
}

/**
 * Takes a message as the answer to the current step. The questions check their answers for
 * danger signals themselves (an answer is stored, flagged, and a young person is offered
 * contact); at every other step such a message gets the helplines first.
 */
export async function continueStep(turn: Turn, text: string): Promise<void> {
  const step = turn.conv.step;
  const signal = step?.kind === 'question' ? undefined : await answerDangerSignal(turn, text);
  if (signal) {
    // After the check-in a young person may still ask to be contacted; otherwise (and after a no
    // to consent) the helplines are the whole answer: no "type start".
    if (step?.kind === 'finished' && turn.profile.role === 'youth') {
      await offerSafeguardingContact(turn, AFTER_CHECK_IN, signal);
      return;
    }
    if (step?.kind === 'finished' || step?.kind === 'declined') return;
    // Instead of the theme: the guess stands, and a young person may still ask to be contacted.
    if (step?.kind === 'themeCheck') {
      if (turn.profile.role === 'youth' && (await offerSafeguardingContact(turn, step.index, signal))) return;
      return nextQuestion(turn);
    }
  }
  switch (step?.kind) {
    case undefined:
      return startFlow(turn);
    case 'consent':
      if ((await handleConsent(turn, text)) === 'given') await startFlow(turn);
      return;
    case 'role':
      if ((await handleRole(turn, text)) === 'chosen' && turn.profile.role) await beginWithNews(turn, turn.profile.role);
      return;
    case 'question':
      return handleAnswer(turn, text);
    case 'safeguardingContact':
      if ((await handleSafeguardingContact(turn, text)) !== 'done') return;
      if (step.index === AFTER_CHECK_IN) turn.conv.step = { kind: 'finished' };
      else await nextQuestion(turn);
      return;
    case 'themeCheck':
      await handleThemeCheck(turn, step, text);
      return nextQuestion(turn);
    case 'awaitingCode':
      // feedbackDialog hands these replies to answerCodeProblem; here only for completeness of the switch
      return askAfterCodeProblem(turn, step.problem);
    case 'finished':
      return say(turn, turn.t('commands:finished'));
    case 'declined':
      return say(turn, turn.t('consent:declinedReminder'));
  }
}
