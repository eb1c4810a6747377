import { choiceMessage, yesNoActions } from '../cards/choiceActions';
import { matchWhole } from '../core/choiceMatching';
import { saveParticipantRecord } from './participantRecord';
import { ask, say, type Turn } from './turn';

export type ConsentOutcome = 'given' | 'declined' | 'asked-again';

/** Asks once per participant; the answer is remembered across conversations. */
export async function askConsent(turn: Turn, withHint = false): Promise<void> {
  turn.conv.step = { kind: 'consent' };
  if (withHint) await say(turn, turn.t('consent:hint'));
  await ask(turn, choiceMessage(turn.t('consent:ask'), yesNoActions(turn.t)));
}

/** A yes creates the participant record; a no stores nothing in the domain store. */
export async function handleConsent(turn: Turn, text: string): Promise<ConsentOutcome> {
  // Consent is only a clear yes or no on its own ("ja", "Yes please", 👍): no typo, no yes inside a sentence.
  const answer = matchWhole(text, turn.vocabulary.yesNo);
  if (answer === undefined) {
    await askConsent(turn, true);
    return 'asked-again';
  }
  const { profile } = turn;
  if (answer === 'no') {
    profile.consent = false;
    turn.conv.step = { kind: 'declined' };
    turn.log.info({ event: 'consent-declined' }, 'participant declined consent');
    await say(turn, turn.t('consent:declined'));
    return 'declined';
  }
  const now = turn.app.clock.now().toISOString();
  profile.consent = true;
  profile.consentAt = now;
  profile.createdAt ??= now;
  profile.channel ??= turn.channel;
  await saveParticipantRecord(turn);
  turn.log.info({ event: 'consent-given' }, 'participant gave consent');
  await say(turn, turn.t('consent:thanks'));
  return 'given';
}
