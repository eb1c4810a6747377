import { choiceMessage, yesNoActions } from '../cards/choiceActions';
import { matchChoice } from '../core/choiceMatching';
import { tellPageErased } from './pageEvents';
import { ask, say, type Turn } from './turn';

/** `verwijder mijn gegevens` / `delete my data`: nothing is erased without a clear yes. */
export async function askErase(turn: Turn): Promise<void> {
  turn.conv.pending = 'erase';
  await ask(turn, choiceMessage(turn.t('data:erase.confirm'), yesNoActions(turn.t)));
}

/** 'erased' ends the turn: the state is gone and must not be written back. */
export async function handleEraseReply(turn: Turn, text: string): Promise<'erased' | 'cancelled'> {
  turn.conv.pending = undefined;
  if (matchChoice(text, turn.vocabulary.yesNo) !== 'yes') {
    await say(turn, turn.t('data:erase.cancelled'));
    return 'cancelled';
  }
  await erase(turn);
  return 'erased';
}

async function erase(turn: Turn): Promise<void> {
  const { store, clock } = turn.app;
  const t = turn.t;
  const hadOptedOut = turn.profile.optedOut === true;
  const result = await store.eraseParticipant(turn.pseudonym);
  await turn.forgetState();
  turn.erased = true;
  // Only the bare pseudonym stays, so that someone who said stop is not invited again.
  if (hadOptedOut) await store.setDoNotContact(turn.pseudonym, true);
  const rows = result.responses + result.themeChecks + (result.participant ? 1 : 0) + result.contacts + result.botState;
  await store.addAudit({ at: clock.now().toISOString(), actor: 'participant', action: 'erase', target: turn.pseudonym, rows });
  turn.log.info({ event: 'erase', rows }, 'participant erased their data');
  await say(turn, t('data:erase.done', { count: result.responses }));
  // Someone who stopped hears only that they stay stopped; anyone else learns how to come back.
  await say(turn, t(hadOptedOut ? 'data:erase.doneOptedOut' : 'data:erase.again'));
  await tellPageErased(turn);
}
