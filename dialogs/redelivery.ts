import { createHmac } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Store } from '../storage/port';
import type { Turn } from './turn';

/**
 * How many recent activity ids a conversation keeps in its own state. The state is saved in
 * the same write as the turn's progress, so a crash between that write and the store marker below
 * still recognises the retry of the last activities.
 */
const REMEMBERED = 8;

/**
 * Seen-marker namespace of handled activities. Channels retry for up to a day; the markers live
 * as long as the other channel bookkeeping (CHANNEL_RECORD_DAYS) and the retention job prunes them.
 */
export const HANDLED_ACTIVITY = 'turn:handled';

const PENDING = Symbol('hoormij.redelivery');

/** Keyed, and bound to the conversation (itself a keyed hash): an activity id is no one's business in the store. */
function keyOf(turn: Turn, activityId: string): string {
  const conversation = turn.context.activity.conversation?.id ?? '';
  const channel = turn.channel;
  return createHmac('sha256', turn.app.secrets.pseudonymSecret)
    .update(`activity:${channel.length}:${channel}${conversation.length}:${conversation}${activityId}`, 'utf8')
    .digest('hex')
    .slice(0, 32);
}

/**
 * Teams and Bot Service may deliver the same activity again (a retry after a timeout, even
 * hours later). Answering it again would file one answer under two questions, so a message this
 * conversation has already handled is dropped. A new one is remembered in the conversation state
 * now and in the store once the turn's state is saved (markHandled).
 */
export async function isRedelivery(turn: Turn, activityId: string | undefined): Promise<boolean> {
  if (!activityId) return false;
  const key = keyOf(turn, activityId);
  // the state keeps a short prefix: eight of them cost little in every state document
  const short = key.slice(0, 16);
  const recent = turn.conv.recentActivities ?? [];
  if (recent.includes(short)) return true;
  if (await turn.app.store.wasMessageSeen(HANDLED_ACTIVITY, key)) return true;
  turn.conv.recentActivities = [...recent, short].slice(-REMEMBERED);
  turn.context.turnState.set(PENDING, key);
  return false;
}

/** After the turn's state was saved: the activity counts as handled for later retries. */
export async function markHandled(context: TurnContext, store: Store, at: string): Promise<void> {
  const key = context.turnState.get(PENDING) as string | undefined;
  if (key) await store.markMessageSeen(HANDLED_ACTIVITY, key, at);
}
