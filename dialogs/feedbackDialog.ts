import { parseCommand } from '../core/commands';
import { parseSessionCode } from '../core/sessionCodes';
import type { Locale } from '../core/types';
import { resume, runCommand, startCommand } from './commandDialog';
import { continueStep, startFlow } from './conversationFlow';
import { answerDangerSignal } from './dangerSignal';
import { handleEraseReply } from './eraseDialog';
import { handleLanguageReply, switchLanguage } from './languageDialog';
import { handleShowRemarksReply } from './myDataDialog';
import { chooseLocale, participantSpoke, say, type Turn } from './turn';
import { sendWelcome } from './welcomeDialog';

/**
 * The root of the feedback conversation: commands first (they work at any moment), then a
 * pending confirmation, then the current step. After `stop` the next message is answered once,
 * briefly (stopped, and how to start again: silence alone looks broken); then nothing is sent
 * until `start`, with one exception: a message that signals danger still gets the helplines.
 */
export async function handleText(turn: Turn, text: string): Promise<void> {
  participantSpoke(turn);
  const command = parseCommand(text, turn.vocabulary.commands);
  if (command) return runCommand(turn, command);
  // A pending confirmation answers a command, which also works after `stop`.
  if (turn.conv.pending) await answerDangerSignal(turn, text);
  if (turn.conv.pending === 'language') {
    await handleLanguageReply(turn, text);
    return resume(turn);
  }
  if (turn.conv.pending === 'remarks') {
    await handleShowRemarksReply(turn, text);
    return resume(turn);
  }
  if (turn.conv.pending === 'erase') {
    if ((await handleEraseReply(turn, text)) === 'cancelled') await resume(turn);
    return;
  }
  if (turn.profile.optedOut) {
    if (!(await answerDangerSignal(turn, text))) await remindStopped(turn);
    return;
  }
  if (!turn.conv.welcomed) {
    // A first message ("hoi") on a channel without a join event opens the conversation; one
    // that signals danger gets the helplines before anything else.
    await answerDangerSignal(turn, text);
    await sendWelcome(turn);
    return startFlow(turn);
  }
  return continueStep(turn, text);
}

/** Once per opt-out: you stopped, type start to join again. */
async function remindStopped(turn: Turn): Promise<void> {
  if (turn.profile.stopReminded) return;
  turn.profile.stopReminded = true;
  await say(turn, turn.t('commands:stoppedReminder'));
}

/** An empty message or only attachments: say what works, then ask again. */
export async function handleNonText(turn: Turn, kind: 'empty' | 'attachmentsOnly'): Promise<void> {
  participantSpoke(turn);
  if (turn.profile.optedOut) return remindStopped(turn);
  if (!turn.conv.welcomed) {
    await sendWelcome(turn);
    return startFlow(turn);
  }
  await say(turn, turn.t(kind === 'empty' ? 'commands:empty' : 'commands:textOnly'));
  return resume(turn);
}

/** A member joined (conversationUpdate): greet once and ask the first question. */
export async function handleMembersAdded(turn: Turn): Promise<void> {
  if (turn.profile.optedOut || turn.conv.welcomed) return;
  await sendWelcome(turn);
  return startFlow(turn);
}

export interface JoinOptions {
  code?: string;
  lang?: Locale;
}

/**
 * The web chat page's 'webchat/join' event: sent with {code?, lang} when a conversation is new
 * (often right after the welcome of conversationUpdate) and with {lang} when the participant
 * switches the page's language. A switch is confirmed and the open question asked again in the
 * new language, so the conversation visibly goes on.
 */
export async function handleJoin(turn: Turn, join: JoinOptions): Promise<void> {
  const { conv } = turn;
  const newLanguage = join.lang !== undefined && join.lang !== (conv.saidIn ?? turn.locale) ? join.lang : undefined;
  if (join.lang) chooseLocale(turn, join.lang);
  if (turn.profile.optedOut) return;
  const code = join.code === undefined ? undefined : (parseSessionCode(join.code) ?? null);
  // The same code again (the page sent its join twice): carry on instead of starting over.
  const knownCode = conv.welcomed === true && code !== undefined && code !== null && conv.code?.code === code;
  if (conv.welcomed && newLanguage) {
    // The page's buttons replace a typed `taal`: a language question still open is answered.
    if (conv.pending === 'language') conv.pending = undefined;
    await switchLanguage(turn, newLanguage);
    if (code === undefined || knownCode) return resume(turn);
  }
  if (code === undefined) return handleMembersAdded(turn);
  if (knownCode) return;
  return startCommand(turn, code ? { kind: 'start', code } : { kind: 'start', invalidCode: true });
}
