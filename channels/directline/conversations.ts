import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Clock } from '../../core/clock';
import type { Locale } from '../../core/types';

export type DlActivity = Partial<Activity>;

/** Someone listening to a conversation: an open WebSocket stream. */
export interface ConversationListener {
  /** `watermark` is absent for activities that are not stored (typing). */
  deliver(activities: DlActivity[], watermark?: string): void;
  close(): void;
}

export interface DlConversation {
  readonly id: string;
  readonly userId: string;
  started: boolean;
  locale?: Locale;
  /** Last stored sequence number; the watermark clients hold. */
  lastSeq: number;
  history: { seq: number; activity: DlActivity }[];
  lastActiveAt: number;
  listeners: Set<ConversationListener>;
  /** Turns run one after another, so replies keep the order of the messages that caused them. */
  queue: Promise<void>;
  /** Post times (ms) within the last minute, for the per-conversation rate limit. */
  posts: number[];
  slowDownSentAt?: number;
}

export type CreateResult = { ok: true; conversation: DlConversation } | { ok: false; retryAfterSeconds: number };

/** Activities kept per conversation for replay; a reload shows at most this much of the transcript. */
const MAX_HISTORY = 500;
/** A conversation quiet for this long may make room for a new one when the registry is full. */
const EVICTABLE_AFTER_MS = 60_000;

/**
 * The open conversations of the local Direct Line. Memory is bounded three ways: a maximum
 * number of conversations, a history cap per conversation, and dropping conversations that
 * have been idle for `idleMs`. Nothing here is the record: answers live in the store and the
 * bot's state, keyed by the user pseudonym, so a dropped conversation only loses its transcript.
 */
export class ConversationRegistry {
  private readonly conversations = new Map<string, DlConversation>();

  constructor(private readonly options: { maxConversations: number; idleMs: number; clock: Clock }) {}

  get size(): number {
    return this.conversations.size;
  }

  create(userId: string): CreateResult {
    this.sweep();
    if (this.conversations.size >= this.options.maxConversations && !this.evictIdlest()) {
      return { ok: false, retryAfterSeconds: Math.ceil(EVICTABLE_AFTER_MS / 1000) };
    }
    const conversation: DlConversation = {
      id: randomBytes(18).toString('base64url'),
      userId,
      started: false,
      lastSeq: 0,
      history: [],
      lastActiveAt: this.now(),
      listeners: new Set(),
      queue: Promise.resolve(),
      posts: [],
    };
    this.conversations.set(conversation.id, conversation);
    return { ok: true, conversation };
  }

  /** The conversation, or undefined when unknown or idle past the limit (then it is dropped). */
  get(id: string): DlConversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation && this.isIdle(conversation)) {
      this.drop(conversation);
      return undefined;
    }
    return conversation;
  }

  touch(conversation: DlConversation): void {
    conversation.lastActiveAt = this.now();
  }

  /** Stores an activity, stamps its id and tells the listeners. */
  append(conversation: DlConversation, activity: DlActivity): DlActivity {
    const seq = ++conversation.lastSeq;
    const stored: DlActivity = { ...activity, id: `${conversation.id}|${String(seq).padStart(7, '0')}` };
    conversation.history.push({ seq, activity: stored });
    if (conversation.history.length > MAX_HISTORY) conversation.history.splice(0, conversation.history.length - MAX_HISTORY);
    this.touch(conversation);
    for (const listener of conversation.listeners) listener.deliver([stored], String(seq));
    return stored;
  }

  /**
   * After an erasure: forgets the transcript up to the participant's last message, keeping only
   * the replies that followed it (the bot's "erased" and its event, for clients still to poll
   * them). The watermark goes on, so clients carry on.
   */
  forgetHistoryBeforeReplies(conversation: DlConversation): void {
    let lastFromUser = -1;
    conversation.history.forEach((h, i) => {
      if (h.activity.from?.role === 'user') lastFromUser = i;
    });
    conversation.history = conversation.history.slice(lastFromUser + 1);
  }

  /** Sends an activity to open streams without storing it (typing indicators). */
  broadcast(conversation: DlConversation, activity: DlActivity): void {
    for (const listener of conversation.listeners) listener.deliver([activity]);
  }

  /** Stored activities newer than the watermark (an opaque string to clients; our sequence number). */
  after(conversation: DlConversation, watermark: string | undefined): DlActivity[] {
    const from = Number.parseInt(watermark ?? '', 10);
    const start = Number.isFinite(from) ? from : 0;
    return conversation.history.filter((h) => h.seq > start).map((h) => h.activity);
  }

  watermark(conversation: DlConversation): string {
    return String(conversation.lastSeq);
  }

  /** Drops every conversation idle past the limit; returns how many. */
  sweep(): number {
    let dropped = 0;
    for (const conversation of [...this.conversations.values()]) {
      if (this.isIdle(conversation)) {
        this.drop(conversation);
        dropped++;
      }
    }
    return dropped;
  }

  closeAll(): void {
    for (const conversation of [...this.conversations.values()]) this.drop(conversation);
  }

  private evictIdlest(): boolean {
    let idlest: DlConversation | undefined;
    for (const c of this.conversations.values()) {
      if (c.listeners.size > 0 || this.now() - c.lastActiveAt < EVICTABLE_AFTER_MS) continue;
      if (!idlest || c.lastActiveAt < idlest.lastActiveAt) idlest = c;
    }
    if (idlest) this.drop(idlest);
    return idlest !== undefined;
  }

  private isIdle(conversation: DlConversation): boolean {
    return this.now() - conversation.lastActiveAt > this.options.idleMs;
  }

  private drop(conversation: DlConversation): void {
    this.conversations.delete(conversation.id);
    for (const listener of conversation.listeners) listener.close();
    conversation.listeners.clear();
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }
}
