import { choiceMessage, codeProblemActions } from '../cards/choiceActions';
import { matchChoice } from '../core/choiceMatching';
import type { Command } from '../core/commands';
import { parseSessionCode } from '../core/sessionCodes';
import { reprompt, startFlow } from './conversationFlow';
import { askErase } from './eraseDialog';
import { askLanguage, switchLanguage } from './languageDialog';
import { askShowRemarks, showMyData } from './myDataDialog';
import { saveParticipantRecord } from './participantRecord';
import { projectOfTurn } from './projectOfTurn';
import { answerDangerSignal } from './dangerSignal';
import { applySessionCode, askAfterCodeProblem } from './sessionCodeDialog';
import { ask, say, type Turn } from './turn';
import { showAllUpdates } from './updatesDialog';
import { sendWelcome } from './welcomeDialog';

/** Re-asks what was open before the command: a pending confirmation, else the current step. */
export async function resume(turn: Turn): Promise<void> {
  if (turn.profile.optedOut) return;
  if (turn.conv.pending === 'language') return askLanguage(turn);
  if (turn.conv.pending === 'erase') return askErase(turn);
  if (turn.conv.pending === 'remarks') return askShowRemarks(turn);
  return reprompt(turn);
}

/**
 * Says `text`, then asks the open question again, so that the question with its choices is the
 * last message (the web chat's welcome may have asked it a moment before; an acknowledgement
 * below it with the question's buttons looked like the buttons answered the acknowledgement).
 */
async function sayThenAskAgain(turn: Turn, text: string): Promise<void> {
  await say(turn, text);
  return resume(turn);
}

/**
 * `start [code]`: ends an opt-out, ties a session code, and begins a new check-in unless one
 * is under way (a young person scans a new code after every session).
 */
export async function startCommand(turn: Turn, command: Extract<Command, { kind: 'start' }>): Promise<void> {
  const { profile, conv } = turn;
  if (conv.pending) {
    conv.pending = undefined;
    // What is on screen answers the cancelled command, not the step.
    conv.promptOnScreen = false;
  }
  if (profile.optedOut) {
    profile.optedOut = false;
    delete profile.stopReminded;
    await turn.app.store.setDoNotContact(turn.pseudonym, false);
    await saveParticipantRecord(turn);
  }
  if (command.invalidCode || command.code) return startWithCode(turn, command.code);
  if (!conv.welcomed) {
    await sendWelcome(turn);
    return startFlow(turn);
  }
  const step = conv.step?.kind;
  if (step === undefined || step === 'finished' || step === 'declined' || step === 'awaitingCode') return startFlow(turn);
  return reprompt(turn);
}

/**
 * A code from `start K7PX4M` or the web chat's join event. A question that is open stays open:
 * the code is acknowledged first and the question asked again after it, once.
 */
async function startWithCode(turn: Turn, code: string | undefined): Promise<void> {
  const { conv, t } = turn;
  const welcomedFor = conv.welcomed ? projectOfTurn(turn).project.id : undefined;
  const check = code ? await applySessionCode(turn, code) : 'invalid';
  if (!conv.welcomed) await sendWelcome(turn);
  const kind = conv.step?.kind;
  const runUnderWay = kind === 'question' || kind === 'safeguardingContact';
  if (check !== 'ok') {
    const problem = t(`commands:code.${check}`);
    // A run under way keeps its project; anything else waits, so the default project is
    // never used in place of a code that failed.
    if (runUnderWay) return sayThenAskAgain(turn, problem);
    return askAfterCodeProblem(turn, check);
  }
  const { project } = projectOfTurn(turn);
  const accepted =
    welcomedFor !== undefined && welcomedFor !== project.id
      ? t('commands:code.acceptedFor', { project: project.name[turn.locale] })
      : t('commands:code.accepted');
  // A new code during a run means a new session, except while the contact question after a
  // safeguarding signal is open: that answer must not get lost.
  const keepOpen =
    kind === 'consent' || kind === 'role' || kind === 'safeguardingContact' || (kind === 'question' && conv.run?.sessionCode === code);
  if (keepOpen) return sayThenAskAgain(turn, accepted);
  await say(turn, accepted);
  return startFlow(turn);
}

/**
 * A reply after a code failed: another code, "go on without a code" (the project's default,
 * now a choice the person made), "type another code", or anything else (a "yes" to a consent
 * question still on screen), which gets what happened and both ways on again.
 */
export async function answerCodeProblem(turn: Turn, text: string): Promise<void> {
  const { t, conv } = turn;
  if (conv.step?.kind !== 'awaitingCode') return;
  const problem = conv.step.problem;
  await answerDangerSignal(turn, text);
  const code = parseSessionCode(text);
  if (code) return startWithCode(turn, code);
  const choice = matchChoice(text, turn.vocabulary.codeProblem);
  if (choice === 'newCode') return ask(turn, choiceMessage(t('commands:code.typeCode'), codeProblemActions(t)));
  if (choice !== 'withoutCode') return askAfterCodeProblem(turn, problem);
  conv.step = undefined;
  turn.log.info({ event: 'session-code-skipped', problem }, 'participant went on without a code');
  await say(turn, t('commands:code.withoutCodeFor', { project: projectOfTurn(turn).project.name[turn.locale] }));
  return startFlow(turn);
}

export async function runCommand(turn: Turn, command: Command): Promise<void> {
  const { t, profile, conv } = turn;
  if (command.kind === 'start') return startCommand(turn, command);
  if (!conv.welcomed && !profile.optedOut && command.kind !== 'stop') await sendWelcome(turn);
  switch (command.kind) {
    case 'help':
      await say(turn, t('commands:help'));
      return resume(turn);
    case 'stop':
      profile.optedOut = true;
      delete profile.stopReminded;
      conv.pending = undefined;
      await saveParticipantRecord(turn);
      turn.log.info({ event: 'opt-out' }, 'participant stopped');
      return say(turn, t('commands:stopped'));
    case 'language':
      conv.pending = undefined;
      if (!command.locale) return askLanguage(turn);
      await switchLanguage(turn, command.locale);
      return resume(turn);
    case 'myData':
      conv.pending = undefined;
      // The follow-up question (show what you wrote?) is the last message; the step waits for it.
      if (await showMyData(turn)) return;
      return resume(turn);
    case 'erase':
      return askErase(turn);
    case 'news':
      await showAllUpdates(turn);
      return resume(turn);
  }
}
