import { createHmac } from 'node:crypto';
import type { Turn } from './turn';

/** How many recent activity ids a conversation remembers; channel retries come right after. */
const REMEMBERED = 8;

/**
 * Teams and Bot Service may deliver the same activity twice (a retry after a timeout). Answering
 * it again would file one answer under two questions, so a message whose id this conversation
 * has already handled is dropped. Ids are kept keyed-hashed: a Teams activity id is no one's
 * business in the store.
 */
export function isRedelivery(turn: Turn, activityId: string | undefined): boolean {
  if (!activityId) return false;
  const key = createHmac('sha256', turn.app.secrets.pseudonymSecret).update(activityId, 'utf8').digest('hex').slice(0, 16);
  const recent = turn.conv.recentActivities ?? [];
  if (recent.includes(key)) return true;
  turn.conv.recentActivities = [...recent, key].slice(-REMEMBERED);
  return false;
}
