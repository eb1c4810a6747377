import { choiceMessage, roleActions } from '../cards/choiceActions';
import { matchChoice } from '../core/choiceMatching';
import { saveParticipantRecord } from './participantRecord';
import { ask, say, type Turn } from './turn';

export type RoleOutcome = 'chosen' | 'asked-again';

/** Young person or parent decides which question set follows; asked once. */
export async function askRole(turn: Turn, withHint = false): Promise<void> {
  turn.conv.step = { kind: 'role' };
  if (withHint) await say(turn, turn.t('role:hint'));
  await ask(turn, choiceMessage(turn.t('role:ask'), roleActions(turn.t)));
}

export async function handleRole(turn: Turn, text: string): Promise<RoleOutcome> {
  // A slip on a phone keyboard ("jongre", "parnet") still chooses; only in words of five letters or more.
  const role = matchChoice(text, turn.vocabulary.roles, { forgiveTypo: true });
  if (role === undefined) {
    await askRole(turn, true);
    return 'asked-again';
  }
  turn.profile.role = role;
  await saveParticipantRecord(turn);
  return 'chosen';
}
