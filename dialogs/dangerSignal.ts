import { signalsDanger } from '../core/safeguarding/detect';
import { safeguardingReply } from '../core/safeguarding/reply';
import { projectOfTurn } from './projectOfTurn';
import { say, type Turn } from './turn';

/**
 * A message that signals danger outside the questions (the first message, consent, role, a
 * pending confirmation, after the check-in, after `stop`) gets the same immediate reply with the
 * helplines of the project's country that an answer gets. Only the event is logged, never the
 * text. True when it answered.
 */
export async function answerDangerSignal(turn: Turn, text: string): Promise<boolean> {
  if (!signalsDanger(text, turn.app.data.danger)) return false;
  turn.log.warn({ event: 'safeguarding-signal', step: turn.conv.step?.kind ?? 'welcome' }, 'safeguarding signal outside the open question');
  await say(turn, safeguardingReply(turn.t, projectOfTurn(turn).project.country));
  return true;
}
