import type { CardAction } from 'botbuilder';
import { languageActions, roleActions, yesNoActions } from '../cards/choiceActions';
import { askQuestion, beginCheckIn, handleAnswer, nextQuestion, questionActions } from './checkInDialog';
import { askConsent, handleConsent } from './consentDialog';
import { askRole, handleRole } from './roleDialog';
import { answerDangerSignal } from './dangerSignal';
import { AFTER_CHECK_IN, askSafeguardingContact, contactActions, handleSafeguardingContact } from './safeguardingContactDialog';
import { askThemeCheck, handleThemeCheck, themeCheckActions } from './themeCheckDialog';
import { say, type Turn } from './turn';

/** First contact in order: consent (once), role (once), then the questions. */
export async function startFlow(turn: Turn): Promise<void> {
  if (turn.profile.consent !== true) return askConsent(turn);
  if (!turn.profile.role) return askRole(turn);
  return beginCheckIn(turn, turn.profile.role);
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
      return askSafeguardingContact(turn, step.index);
    case 'themeCheck':
      return askThemeCheck(turn, step);
    case 'awaitingCode':
      return say(turn, turn.t(`commands:code.${step.problem}`));
    case 'finished':
    case 'declined':
      return;
  }
}

/** The choices of whatever is open: a pending command first, then the current step. */
export function openChoices(turn: Turn): CardAction[] | undefined {
  const { t, conv } = turn;
  if (conv.pending === 'language') return languageActions(t);
  if (conv.pending === 'erase') return yesNoActions(t);
  switch (conv.step?.kind) {
    case 'consent':
      return yesNoActions(t);
    case 'role':
      return roleActions(t);
    case 'question':
      return questionActions(turn);
    case 'safeguardingContact':
      return contactActions(t);
    case 'themeCheck':
      return themeCheckActions(turn, conv.step);
    default:
      return undefined;
  }
}

/**
 * Takes a message as the answer to the current step. The questions check their answers for
 * danger signals themselves (an answer is stored, flagged, and a young person is offered
 * contact); at every other step such a message gets the helplines first.
 */
export async function continueStep(turn: Turn, text: string): Promise<void> {
  const step = turn.conv.step;
  if (step?.kind !== 'question' && (await answerDangerSignal(turn, text))) {
    // After the check-in a young person may still ask to be contacted; otherwise (and after a no
    // to consent) the helplines are the whole answer: no "type start".
    if (step?.kind === 'finished' && turn.profile.role === 'youth') return askSafeguardingContact(turn, AFTER_CHECK_IN);
    if (step?.kind === 'finished' || step?.kind === 'declined') return;
    // Instead of the theme: the guess stands, and a young person may still ask to be contacted.
    if (step?.kind === 'themeCheck') return turn.profile.role === 'youth' ? askSafeguardingContact(turn, step.index) : nextQuestion(turn);
  }
  switch (step?.kind) {
    case undefined:
      return startFlow(turn);
    case 'consent':
      if ((await handleConsent(turn, text)) === 'given') await startFlow(turn);
      return;
    case 'role':
      if ((await handleRole(turn, text)) === 'chosen' && turn.profile.role) await beginCheckIn(turn, turn.profile.role);
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
      return say(turn, turn.t(`commands:code.${step.problem}`));
    case 'finished':
      return say(turn, turn.t('commands:finished'));
    case 'declined':
      return say(turn, turn.t('consent:declinedReminder'));
  }
}
