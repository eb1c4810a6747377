import { MESSAGE_WINDOW } from '../core/safeguarding/detect';
import type { SignalCategory } from '../core/safeguarding/lexiconSchema';
import { safeguardingReply } from '../core/safeguarding/reply';
import { projectOfTurn } from './projectOfTurn';
import { say, type Turn } from './turn';

/**
 * A message that signals danger outside the questions (the first message, consent, role, a
 * pending confirmation, after the check-in, after `stop`) gets the same immediate reply with the
 * helplines of the project's country that an answer gets. Only the event is logged, never the
 * text. The categories of the signal when it answered, undefined when there was none.
 */
export async function answerDangerSignal(turn: Turn, text: string): Promise<SignalCategory[] | undefined> {
  const signal = turn.app.data.danger.detect(text.length > MESSAGE_WINDOW ? text.slice(0, MESSAGE_WINDOW) : text);
  if (!signal.flagged) return undefined;
  turn.log.warn({ event: 'safeguarding-signal', step: turn.conv.step?.kind ?? 'welcome' }, 'safeguarding signal outside the open question');
  await say(turn, safeguardingReply(turn.t, projectOfTurn(turn).project.country));
  return signal.categories;
}
