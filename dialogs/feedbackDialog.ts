import { parseCommand } from '../core/commands';
import { parseSessionCode } from '../core/sessionCodes';
import type { Locale } from '../core/types';
import { resume, runCommand, startCommand } from './commandDialog';
import { continueStep, startFlow } from './conversationFlow';
import { handleEraseReply } from './eraseDialog';
import { handleLanguageReply } from './languageDialog';
import { chooseLocale, say, type Turn } from './turn';
import { sendWelcome } from './welcomeDialog';

/**
 * The root of the feedback conversation: commands first (they work at any moment), then a
 * pending confirmation, then the current step. After `stop` nothing is sent until `start`.
 */
export async function handleText(turn: Turn, text: string): Promise<void> {
  const command = parseCommand(text, turn.vocabulary.commands);
  if (command) return runCommand(turn, command);
  // A pending confirmation answers a command, which also works after `stop`.
  if (turn.conv.pending === 'language') {
    await handleLanguageReply(turn, text);
    return resume(turn);
  }
  if (turn.conv.pending === 'erase') {
    if ((await handleEraseReply(turn, text)) === 'cancelled') await resume(turn);
    return;
  }
  if (turn.profile.optedOut) return;
  if (!turn.conv.welcomed) {
    // A first message ("hoi") on a channel without a join event opens the conversation.
    await sendWelcome(turn);
    return startFlow(turn);
  }
  return continueStep(turn, text);
}

/** An empty message or only attachments: say what works, then ask again. */
export async function handleNonText(turn: Turn, kind: 'empty' | 'attachmentsOnly'): Promise<void> {
  if (turn.profile.optedOut) return;
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

/** The web chat page's 'webchat/join' event: start in its language, with its session code. */
export async function handleJoin(turn: Turn, join: JoinOptions): Promise<void> {
  if (join.lang) chooseLocale(turn, join.lang);
  if (turn.profile.optedOut) return;
  if (join.code !== undefined) {
    const code = parseSessionCode(join.code);
    // A page reload sends the same join again: carry on instead of starting over.
    if (turn.conv.welcomed && code && turn.conv.code?.code === code) return;
    return startCommand(turn, code ? { kind: 'start', code } : { kind: 'start', invalidCode: true });
  }
  return handleMembersAdded(turn);
}
