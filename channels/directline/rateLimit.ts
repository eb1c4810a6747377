import type { DlConversation } from './conversations';

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Sliding one-minute window of posts per conversation. */
export function consumePost(conversation: DlConversation, perMinute: number, now: number): RateDecision {
  conversation.posts = conversation.posts.filter((t) => now - t < WINDOW_MS);
  if (conversation.posts.length >= perMinute) {
    const retryAfterMs = conversation.posts[0] + WINDOW_MS - now;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }
  conversation.posts.push(now);
  return { ok: true };
}

/** True once per window: the first refused post gets a friendly bot message, later ones only the 429. */
export function shouldSendSlowDown(conversation: DlConversation, now: number): boolean {
  if (conversation.slowDownSentAt !== undefined && now - conversation.slowDownSentAt < WINDOW_MS) return false;
  conversation.slowDownSentAt = now;
  return true;
}
