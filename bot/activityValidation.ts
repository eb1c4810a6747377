import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * Checks an incoming activity before the adapter sees it: a bare CloudAdapter answers many
 * malformed activities with a 500, we answer them with a clean 400 that says what is wrong.
 */

const account = z.object({ id: z.string().min(1).max(1024), name: z.string().optional(), aadObjectId: z.string().optional() }).passthrough();

/**
 * Channel ids are names like "msteams" or "emulator". The pseudonym is an HMAC of
 * "<channel>:<user>", so a channel id holding a colon could make another channel's user:
 * "whatsapp:316" with user "12345678" is the WhatsApp user "31612345678".
 */
const CHANNEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    channelId: z.string().regex(CHANNEL_ID, 'must be a channel name (letters, digits, ".", "_", "-")'),
    serviceUrl: z.string().url().max(2048),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough(),
    from: account,
    recipient: account.optional(),
    text: z.string().optional(),
    value: z.union([z.record(z.unknown()), z.string()]).optional(),
    locale: z.string().max(32).optional(),
    name: z.string().max(256).optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
    attachments: z.array(z.object({ contentType: z.string() }).passthrough()).optional(),
    entities: z.array(z.record(z.unknown())).optional(),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    channelData: z.record(z.unknown()).optional(),
    timestamp: z.string().optional(),
    localTimestamp: z.string().optional(),
    replyToId: z.string().optional(),
  })
  .passthrough();

export type ValidActivity = Partial<Activity> & { type: string; serviceUrl: string; channelId: string };

export type ValidationResult = { ok: true; activity: ValidActivity } | { ok: false; error: string };

type Json = Record<string, unknown>;

/** Only what JSON.parse makes: narrower than zod's idea of an object, never wider. */
function isPlainObject(v: unknown): v is Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function isString(v: unknown, min: number, max: number): v is string {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}

function isOptionalString(v: unknown, max = Infinity): boolean {
  return v === undefined || isString(v, 0, max);
}

function isAccount(v: unknown): boolean {
  return isPlainObject(v) && isString(v.id, 1, 1024) && isOptionalString(v.name) && isOptionalString(v.aadObjectId);
}

function isOptionalListOf(v: unknown, item: (x: unknown) => boolean): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
}

const DELIVERY_MODES: ReadonlySet<unknown> = new Set(['normal', 'notification', 'expectReplies', 'ephemeral']);

/**
 * A channel sends every activity with the same few serviceUrls: remember the answers about them
 * instead of parsing the same URL on every request. Bounded, because the URLs come from callers.
 */
const KNOWN_URLS_MAX = 256;
const parsableUrls = new Set<string>();
const allowedUrls = new Map<string, boolean>();

function isParsableUrl(url: string): boolean {
  if (parsableUrls.has(url)) return true;
  if (!URL.canParse(url)) return false;
  if (parsableUrls.size >= KNOWN_URLS_MAX) parsableUrls.clear();
  parsableUrls.add(url);
  return true;
}

/**
 * The same rules as activitySchema, hand-written for the hot path (zod builds issue contexts
 * and a copy of every passthrough object on each request). It may refuse more than the schema,
 * never less: whatever it refuses goes through the schema, which decides and words the error.
 */
function passesFastCheck(b: Json): boolean {
  return (
    isString(b.type, 1, 64) &&
    isOptionalString(b.id, 1024) &&
    isString(b.channelId, 1, 64) &&
    CHANNEL_ID.test(b.channelId) &&
    isString(b.serviceUrl, 0, 2048) &&
    isParsableUrl(b.serviceUrl) &&
    isPlainObject(b.conversation) &&
    isString(b.conversation.id, 1, 1024) &&
    isAccount(b.from) &&
    (b.recipient === undefined || isAccount(b.recipient)) &&
    isOptionalString(b.text) &&
    (b.value === undefined || typeof b.value === 'string' || isPlainObject(b.value)) &&
    isOptionalString(b.locale, 32) &&
    isOptionalString(b.name, 256) &&
    (b.deliveryMode === undefined || DELIVERY_MODES.has(b.deliveryMode)) &&
    isOptionalListOf(b.attachments, (a) => isPlainObject(a) && typeof a.contentType === 'string') &&
    isOptionalListOf(b.entities, isPlainObject) &&
    isOptionalListOf(b.membersAdded, isAccount) &&
    isOptionalListOf(b.membersRemoved, isAccount) &&
    (b.channelData === undefined || isPlainObject(b.channelData)) &&
    isOptionalString(b.timestamp) &&
    isOptionalString(b.localTimestamp) &&
    isOptionalString(b.replyToId)
  );
}

export function validateIncomingActivity(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The request body must be a JSON object (an activity).' };
  }
  if (passesFastCheck(body as Json)) return { ok: true, activity: body as unknown as ValidActivity };
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`);
    return { ok: false, error: `Invalid activity: ${first.join('; ')}` };
  }
  return { ok: true, activity: parsed.data as unknown as ValidActivity };
}

/**
 * Channels that reach the bot only through a route of their own (the signed WhatsApp webhook, the
 * token-bound local Direct Line). Without MicrosoftAppId nothing vouches for /api/messages, so an
 * activity there claiming one of them would be believed as that channel's user (a WhatsApp user
 * id is a phone number: easy to guess).
 */
const OWN_ROUTE_CHANNELS: ReadonlySet<string> = new Set(['whatsapp', 'directline']);

export function isOwnRouteChannel(channelId: string): boolean {
  return OWN_ROUTE_CHANNELS.has(channelId.toLowerCase());
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** An http(s) URL on this machine: what answers there is not a caller somewhere on the network. */
export function isLoopbackUrl(serviceUrl: string): boolean {
  if (!URL.canParse(serviceUrl)) return false;
  const url = new URL(serviceUrl);
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
}

/**
 * Without MicrosoftAppId nothing authenticates the caller, so replies may only go back to
 * loopback or to explicitly allowed service URLs; otherwise an exposed development instance
 * could be used to make requests elsewhere.
 */
export function isServiceUrlAllowed(serviceUrl: string, allowed: string[]): boolean {
  const key = `${serviceUrl}\n${allowed.join('\n')}`;
  let verdict = allowedUrls.get(key);
  if (verdict === undefined) {
    verdict = decideServiceUrl(serviceUrl, allowed);
    if (allowedUrls.size >= KNOWN_URLS_MAX) allowedUrls.clear();
    allowedUrls.set(key, verdict);
  }
  return verdict;
}

function decideServiceUrl(serviceUrl: string, allowed: string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (isLoopbackHost(url.hostname)) return true;
  const normalised = serviceUrl.replace(/\/+$/, '');
  return allowed.some((a) => {
    const prefix = a.replace(/\/+$/, '');
    return normalised === prefix || normalised.startsWith(`${prefix}/`);
  });
}
