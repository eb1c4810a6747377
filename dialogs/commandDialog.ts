import type { Command } from '../core/commands';
import { reprompt, startFlow } from './conversationFlow';
import { askErase } from './eraseDialog';
import { askLanguage, switchLanguage } from './languageDialog';
import { showMyData } from './myDataDialog';
import { saveParticipantRecord } from './participantRecord';
import { applySessionCode } from './sessionCodeDialog';
import { say, type Turn } from './turn';
import { sendWelcome } from './welcomeDialog';

/** Re-asks what was open before the command: a pending confirmation, else the current step. */
export async function resume(turn: Turn): Promise<void> {
  if (turn.profile.optedOut) return;
  if (turn.conv.pending === 'language') return askLanguage(turn);
  if (turn.conv.pending === 'erase') return askErase(turn);
  return reprompt(turn);
}

/**
 * `start [code]`: ends an opt-out, ties a session code, and begins a new check-in unless one
 * is under way (a young person scans a new code after every session).
 */
export async function startCommand(turn: Turn, command: Extract<Command, { kind: 'start' }>): Promise<void> {
  const { profile, conv } = turn;
  conv.pending = undefined;
  if (profile.optedOut) {
    profile.optedOut = false;
    await turn.app.store.setDoNotContact(turn.pseudonym, false);
    await saveParticipantRecord(turn);
  }
  if (command.invalidCode || command.code) {
    const check = command.code ? await applySessionCode(turn, command.code) : 'invalid';
    if (!conv.welcomed) await sendWelcome(turn);
    if (check !== 'ok') {
      // A run under way keeps its project; anything else waits, so the default project is
      // never used in place of a code that failed.
      const kind = conv.step?.kind;
      if (kind !== 'question' && kind !== 'safeguardingContact') conv.step = { kind: 'awaitingCode', problem: check };
      return say(turn, turn.t(`commands:code.${check}`));
    }
    await say(turn, turn.t('commands:code.accepted'));
    return startFlow(turn);
  }
  if (!conv.welcomed) {
    await sendWelcome(turn);
    return startFlow(turn);
  }
  const step = conv.step?.kind;
  if (step === undefined || step === 'finished' || step === 'declined' || step === 'awaitingCode') return startFlow(turn);
  return reprompt(turn);
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
      await showMyData(turn);
      return resume(turn);
    case 'erase':
      return askErase(turn);
  }
}
