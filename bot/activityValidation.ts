import type { Activity } from 'botbuilder';
import { z } from 'zod';

/**
 * Checks an incoming activity before the adapter sees it: a bare CloudAdapter answers many
 * malformed activities with a 500, we answer them with a clean 400 that says what is wrong.
 */

const account = z.object({ id: z.string().min(1).max(1024), name: z.string().optional(), aadObjectId: z.string().optional() }).passthrough();

const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    channelId: z.string().min(1).max(64),
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

export function validateIncomingActivity(body: unknown): ValidationResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The request body must be a JSON object (an activity).' };
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`);
    return { ok: false, error: `Invalid activity: ${first.join('; ')}` };
  }
  return { ok: true, activity: parsed.data as unknown as ValidActivity };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Without MicrosoftAppId nothing authenticates the caller, so replies may only go back to
 * loopback or to explicitly allowed service URLs; otherwise an exposed development instance
 * could be used to make requests elsewhere.
 */
export function isServiceUrlAllowed(serviceUrl: string, allowed: string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)) return true;
  const normalised = serviceUrl.replace(/\/+$/, '');
  return allowed.some((a) => {
    const prefix = a.replace(/\/+$/, '');
    return normalised === prefix || normalised.startsWith(`${prefix}/`);
  });
}
