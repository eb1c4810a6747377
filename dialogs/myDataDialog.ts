import { myDataMessage } from '../cards/myDataMessage';
import { participantCode } from '../core/pseudonym';
import { say, type Turn } from './turn';

/** `mijn gegevens` / `my data`: what the store holds about this participant, and their code. */
export async function showMyData(turn: Turn): Promise<void> {
  const { store, data } = turn.app;
  const [participant, responses] = await Promise.all([
    store.getParticipant(turn.pseudonym),
    store.listResponsesOfParticipant(turn.pseudonym),
  ]);
  const questionLabel = (setId: string, questionId: string): string =>
    data.questionSets.get(setId)?.questions.find((q) => q.id === questionId)?.text[turn.locale] ?? questionId;
  await say(turn, myDataMessage(turn.t, { participantCode: participantCode(turn.pseudonym), participant, responses, questionLabel }));
}
