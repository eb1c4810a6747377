import { randomUUID } from 'node:crypto';
import type { ChannelAccount } from 'botbuilder';
import type { Config } from '../../bot/config';
import type { Logger } from '../../bot/logger';
import type { Clock } from '../../core/clock';
import type { TranslatorFactory } from '../../core/translate';
import type { Locale } from '../../core/types';
import { WEB_CHAT_EVENTS } from '../../core/webChatEvents';
import { toLocale } from '../../locales';
import type { BotBridge } from './botBridge';
import { ConversationRegistry, type DlActivity, type DlConversation } from './conversations';
import { consumePost, shouldSendSlowDown } from './rateLimit';
import { createTokenService, type TokenClaims, type TokenService } from './tokens';

/** A protocol answer, independent of the HTTP framework. */
export interface DlReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface LocalDirectLineDeps {
  limits: Config['directLine'];
  defaultLocale: Locale;
  clock: Clock;
  logger: Logger;
  translatorFor: TranslatorFactory;
  bridge: BotBridge;
  bot: ChannelAccount;
  /** Where the bot would call back (only for activities it sends outside a turn). */
  serviceUrl: () => string;
}

type Authorized = { ok: true; claims: TokenClaims; conversation: DlConversation } | { ok: false; reply: DlReply };

/** Seconds a client has to open the WebSocket after it got the streamUrl (as Azure). */
const STREAM_TOKEN_SECONDS = 60;
/** Activity types a client may post; invokes need a synchronous answer the bot cannot give here. */
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
/** Bot output that never reaches a Direct Line client. */
const HIDDEN_TYPES = new Set(['trace', 'delay', 'invokeResponse']);

export const USER_ID_PATTERN = /^dl_[A-Za-z0-9_-]{16,64}$/;
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The offline Direct Line 3.0 endpoint: tokens scoped to one conversation and one user,
 * conversations with a watermarked activity set, and turns bridged in-process to the bot.
 * Status codes follow what botframework-directlinejs does with them: 403 makes it refresh its
 * token, 404 ends the conversation, 429 with Retry-After is waited out, 5xx is retried.
 */
export class LocalDirectLine {
  readonly registry: ConversationRegistry;
  readonly tokens: TokenService;
  private lastStamp = 0;

  constructor(private readonly deps: LocalDirectLineDeps) {
    this.registry = new ConversationRegistry({
      maxConversations: deps.limits.maxConversations,
      idleMs: deps.limits.idleMinutes * 60_000,
      clock: deps.clock,
    });
    this.tokens = createTokenService(deps.clock);
  }

  /** POST /api/directline/token (offline): a token for the user's conversation, or a new one. */
  issueToken(userId: string, conversationId?: string): DlReply {
    let conversation = conversationId ? this.registry.get(conversationId) : undefined;
    // Someone else's conversation id gets a fresh conversation, not an error that confirms it exists.
    if (conversation && conversation.userId !== userId) conversation = undefined;
    if (conversation) {
      this.registry.touch(conversation);
    } else {
      const created = this.registry.create(userId);
      if (!created.ok) return tooMany(created.retryAfterSeconds, 'TooManyConversations');
      conversation = created.conversation;
    }
    const { token, expiresIn } = this.tokens.issue(conversation.id, userId, 'rest', this.deps.limits.tokenTtlSeconds);
    return { status: 200, body: { conversationId: conversation.id, token, expires_in: expiresIn } };
  }

  /** POST /v3/directline/tokens/refresh */
  refreshToken(authorization: string | undefined): DlReply {
    const auth = this.authorize(authorization);
    if (!auth.ok) return auth.reply;
    const { token, expiresIn } = this.tokens.issue(auth.conversation.id, auth.claims.user, 'rest', this.deps.limits.tokenTtlSeconds);
    return { status: 200, body: { conversationId: auth.conversation.id, token, expires_in: expiresIn } };
  }

  /** POST /v3/directline/conversations: 201 when this starts the token's conversation, 200 when it was started. */
  startConversation(authorization: string | undefined, body: unknown, wsOrigin: string): DlReply {
    const auth = this.authorize(authorization);
    if (!auth.ok) return auth.reply;
    const locale = isRecord(body) && typeof body.locale === 'string' ? toLocale(body.locale) : undefined;
    const created = this.ensureStarted(auth.conversation, locale);
    return { status: created ? 201 : 200, body: this.conversationBody(auth, authorization, '', wsOrigin) };
  }

  /** GET /v3/directline/conversations/{id}?watermark= : resume, with a fresh streamUrl. */
  resumeConversation(authorization: string | undefined, conversationId: string, watermark: string, wsOrigin: string): DlReply {
    const auth = this.authorize(authorization, conversationId);
    if (!auth.ok) return auth.reply;
    this.ensureStarted(auth.conversation, undefined);
    return { status: 200, body: this.conversationBody(auth, authorization, watermark, wsOrigin) };
  }

  /** GET /v3/directline/conversations/{id}/activities?watermark= */
  getActivities(authorization: string | undefined, conversationId: string, watermark: string): DlReply {
    const auth = this.authorize(authorization, conversationId);
    if (!auth.ok) return auth.reply;
    const { conversation } = auth;
    return { status: 200, body: { activities: this.registry.after(conversation, watermark), watermark: this.registry.watermark(conversation) } };
  }

  /** POST /v3/directline/conversations/{id}/activities */
  async postActivity(authorization: string | undefined, conversationId: string, body: unknown, bytes: number): Promise<DlReply> {
    const auth = this.authorize(authorization, conversationId);
    if (!auth.ok) return auth.reply;
    const { conversation } = auth;
    if (bytes > this.deps.limits.maxActivityBytes) {
      return error(413, 'MessageSizeTooBig', `activities are limited to ${this.deps.limits.maxActivityBytes} bytes`);
    }
    const problem = activityProblem(body);
    if (problem || !isRecord(body)) return error(400, 'BadArgument', problem ?? 'not an activity');
    if (body.type === 'typing') return { status: 200, body: { id: `${conversation.id}|typing` } };

    const now = this.deps.clock.now().getTime();
    const rate = consumePost(conversation, this.deps.limits.activitiesPerMinute, now);
    if (!rate.ok) {
      if (shouldSendSlowDown(conversation, now)) this.appendBotText(conversation, 'web:chat.slowDown');
      return tooMany(rate.retryAfterSeconds, 'TooManyRequests');
    }

    const locale = typeof body.locale === 'string' ? toLocale(body.locale) : undefined;
    if (locale) conversation.locale = locale;
    this.ensureStarted(conversation, locale);
    const echoed = this.registry.append(conversation, this.stampFromUser(conversation, body));
    // The reply only comes when the turn is done; meanwhile Web Chat shows that the bot is typing.
    if (body.type === 'message') this.registry.broadcast(conversation, this.stampFromBot(conversation, { type: 'typing', id: randomUUID() }));
    try {
      await this.runTurn(conversation, echoed);
    } catch (err) {
      this.deps.logger.error({ err: { name: (err as Error).name, message: (err as Error).message }, activityType: body.type }, 'direct line turn failed');
      return error(502, 'BotError', 'the bot could not handle the activity');
    }
    return { status: 200, body: { id: echoed.id } };
  }

  /** Checks the `t` token of a stream URL; the caller upgrades the socket when ok. */
  authorizeStream(conversationId: string, token: string): { ok: true; conversation: DlConversation } | { ok: false; status: number } {
    const check = this.tokens.verify(token, 'stream');
    if (!check.ok || check.claims.conv !== conversationId) return { ok: false, status: 403 };
    const conversation = this.registry.get(conversationId);
    return conversation ? { ok: true, conversation } : { ok: false, status: 404 };
  }

  close(): void {
    this.registry.closeAll();
  }

  private authorize(authorization: string | undefined, conversationId?: string): Authorized {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, reply: error(403, 'MissingToken', 'a Bearer token is required') };
    const check = this.tokens.verify(match[1], 'rest');
    if (!check.ok) return { ok: false, reply: error(403, check.reason === 'expired' ? 'TokenExpired' : 'BadToken', `token ${check.reason}`) };
    // A token only opens its own conversation; any other id is refused without saying whether it exists.
    if (conversationId !== undefined && check.claims.conv !== conversationId) {
      return { ok: false, reply: error(403, 'BadToken', 'token is for another conversation') };
    }
    const conversation = this.registry.get(check.claims.conv);
    if (!conversation) return { ok: false, reply: error(404, 'BadArgument', 'conversation not found') };
    return { ok: true, claims: check.claims, conversation };
  }

  private conversationBody(auth: { claims: TokenClaims; conversation: DlConversation }, authorization: string | undefined, watermark: string, wsOrigin: string) {
    const { conversation, claims } = auth;
    const stream = this.tokens.issue(conversation.id, claims.user, 'stream', STREAM_TOKEN_SECONDS);
    const query = new URLSearchParams({ t: stream.token, watermark });
    return {
      conversationId: conversation.id,
      token: (authorization ?? '').replace(/^Bearer\s+/i, ''),
      expires_in: this.tokens.remainingSeconds(claims),
      streamUrl: `${wsOrigin}/v3/directline/conversations/${conversation.id}/stream?${query.toString()}`,
    };
  }

  /** Azure tells the bot when a user joins; the welcome depends on it. Returns true when it started now. */
  private ensureStarted(conversation: DlConversation, locale: Locale | undefined): boolean {
    if (locale) conversation.locale = locale;
    if (conversation.started) return false;
    conversation.started = true;
    this.registry.touch(conversation);
    const update: DlActivity = {
      ...this.addressToBot(conversation),
      type: 'conversationUpdate',
      id: randomUUID(),
      timestamp: this.stamp(),
      membersAdded: [{ id: conversation.userId, name: '' }],
      locale: conversation.locale,
    };
    this.runTurn(conversation, update).catch((err: Error) => {
      this.deps.logger.error({ err: { name: err.name, message: err.message } }, 'direct line conversationUpdate failed');
    });
    return true;
  }

  private runTurn(conversation: DlConversation, activity: DlActivity): Promise<void> {
    const turn = conversation.queue.then(async () => {
      const replies = await this.deps.bridge(activity);
      for (const reply of replies) this.deliverReply(conversation, reply);
    });
    conversation.queue = turn.catch(() => undefined);
    return turn;
  }

  private deliverReply(conversation: DlConversation, reply: DlActivity): void {
    if (!reply.type || HIDDEN_TYPES.has(reply.type)) return;
    const stamped = this.stampFromBot(conversation, reply);
    if (reply.type === 'typing') {
      this.registry.broadcast(conversation, { ...stamped, id: randomUUID() });
      return;
    }
    this.registry.append(conversation, stamped);
    // Erased: what the participant wrote must not come back when the old ids are used again
    // (a page that could not clear its storage, a second tab).
    if (reply.type === 'event' && reply.name === WEB_CHAT_EVENTS.erased) this.registry.forgetHistoryBeforeReplies(conversation);
  }

  private appendBotText(conversation: DlConversation, key: string): void {
    const t = this.deps.translatorFor(conversation.locale ?? this.deps.defaultLocale);
    this.registry.append(conversation, this.stampFromBot(conversation, { type: 'message', text: t(key) }));
  }

  private addressToBot(conversation: DlConversation): DlActivity {
    return {
      channelId: 'directline',
      serviceUrl: this.deps.serviceUrl(),
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversation.userId, name: '', role: 'user' },
      recipient: { ...this.deps.bot, role: 'bot' },
    };
  }

  private stampFromUser(conversation: DlConversation, body: Record<string, unknown>): DlActivity {
    const from = isRecord(body.from) ? body.from : {};
    const address = this.addressToBot(conversation);
    return {
      ...(body as DlActivity),
      ...address,
      // The token decides who is talking, not the body (as Azure does).
      from: { ...(from as object), id: conversation.userId, role: 'user', name: typeof from.name === 'string' ? from.name : '' },
      timestamp: this.stamp(),
      deliveryMode: undefined,
      callerId: undefined,
      relatesTo: undefined,
    };
  }

  private stampFromBot(conversation: DlConversation, reply: DlActivity): DlActivity {
    return {
      ...reply,
      channelId: 'directline',
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: reply.from?.id ? { ...reply.from, role: 'bot' } : { ...this.deps.bot, role: 'bot' },
      recipient: { id: conversation.userId, name: '', role: 'user' },
      timestamp: this.stamp(),
    };
  }

  /** Strictly increasing timestamps: Web Chat orders by them, and a pinned test clock must not reorder. */
  private stamp(): Date {
    this.lastStamp = Math.max(this.deps.clock.now().getTime(), this.lastStamp + 1);
    return new Date(this.lastStamp);
  }
}

function activityProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'the body must be a JSON object';
  if (typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) return 'type must be message, event or typing';
  if (body.text !== undefined && typeof body.text !== 'string') return 'text must be a string';
  if (body.name !== undefined && typeof body.name !== 'string') return 'name must be a string';
  if (body.from !== undefined && !isRecord(body.from)) return 'from must be an object';
  if (body.attachments !== undefined && !Array.isArray(body.attachments)) return 'attachments must be an array';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function error(status: number, code: string, message: string): DlReply {
  return { status, body: { error: { code, message } } };
}

function tooMany(retryAfterSeconds: number, code: string): DlReply {
  return { ...error(429, code, 'too many requests, try again later'), headers: { 'Retry-After': String(retryAfterSeconds) } };
}
