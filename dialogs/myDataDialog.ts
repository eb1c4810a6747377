import { choiceMessage, yesNoActions } from '../cards/choiceActions';
import { myDataMessage, myRemarksMessage, storedRemarks } from '../cards/myDataMessage';
import { matchChoice } from '../core/choiceMatching';
import { participantCode } from '../core/pseudonym';
import type { ResponseRecord } from '../core/types';
import { ask, say, type Turn } from './turn';

function questionLabel(turn: Turn): (setId: string, questionId: string) => string {
  return (setId, questionId) => turn.app.data.questionSets.get(setId)?.questions.find((q) => q.id === questionId)?.text[turn.locale] ?? questionId;
}

/**
 * `mijn gegevens` / `my data`: what the store holds about this participant (counts, dates,
 * scores) and their code. Someone else may be holding the phone, so what they wrote is shown
 * only when they ask for it: true when that question is now open.
 */
export async function showMyData(turn: Turn): Promise<boolean> {
  const { store } = turn.app;
  const [participant, responses] = await Promise.all([
    store.getParticipant(turn.pseudonym),
    store.listResponsesOfParticipant(turn.pseudonym),
  ]);
  await say(turn, myDataMessage(turn.t, { participantCode: participantCode(turn.pseudonym), participant, responses, questionLabel: questionLabel(turn) }));
  if (storedRemarks(responses).length === 0) return false;
  await askShowRemarks(turn);
  return true;
}

export async function askShowRemarks(turn: Turn): Promise<void> {
  turn.conv.pending = 'remarks';
  await ask(turn, choiceMessage(turn.t('data:mine.remarksAsk'), yesNoActions(turn.t)));
}

/** The reply to askShowRemarks: only a yes shows the texts (read fresh: an erasure may have come in between). */
export async function handleShowRemarksReply(turn: Turn, text: string): Promise<void> {
  turn.conv.pending = undefined;
  if (matchChoice(text, turn.vocabulary.yesNo) !== 'yes') {
    await say(turn, turn.t('data:mine.remarksNotShown'));
    return;
  }
  const responses: ResponseRecord[] = await turn.app.store.listResponsesOfParticipant(turn.pseudonym);
  await say(turn, myRemarksMessage(turn.t, { responses, questionLabel: questionLabel(turn) }));
}
