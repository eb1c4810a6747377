import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRef } from '../core/types';

export type DeliveryOutcome = 'sent' | 'gone' | 'failed';

export interface RetryOptions {
  /** Tries in all, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Teams' guidance: back off exponentially with jitter on throttling and gateway errors. */
export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

const RETRY_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);
/** The app was removed or the conversation no longer exists: stop writing to it. */
const GONE_STATUS = new Set([403, 404]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EPIPE', 'REQUEST_SEND_ERROR']);

export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | undefined;
  const s = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

function isRetryable(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return RETRY_STATUS.has(status) || status >= 500;
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

export function backoffDelay(attempt: number, o: RetryOptions, random: () => number = Math.random): number {
  const cap = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
  return Math.round(cap / 2 + random() * (cap / 2));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface DeliveryResult {
  outcome: DeliveryOutcome;
  attempts: number;
  /** HTTP status of the last failure, for the log (never the address). */
  status?: number;
}

/**
 * Sends one activity into a stored conversation (CloudAdapter.continueConversationAsync),
 * retrying throttling, gateway and network errors with exponential backoff and jitter.
 */
export async function deliverProactive(
  adapter: CloudAdapter,
  appId: string,
  ref: ConversationRef,
  activity: Partial<Activity>,
  retry: RetryOptions = DEFAULT_RETRY,
): Promise<DeliveryResult> {
  let last: unknown;
  let attempts = 0;
  for (let attempt = 0; attempt < retry.attempts; attempt++) {
    attempts++;
    try {
      let failure: unknown;
      await adapter.continueConversationAsync(appId, ref as Partial<ConversationReference>, async (ctx) => {
        // caught here, not in the adapter: its onTurnError would send the lead an apology instead
        try {
          await ctx.sendActivity(activity);
        } catch (err) {
          failure = err ?? new Error('send failed');
        }
      });
      if (failure !== undefined) throw failure;
      return { outcome: 'sent', attempts: attempt + 1 };
    } catch (err) {
      last = err;
      const status = statusOf(err);
      if (status !== undefined && GONE_STATUS.has(status)) return { outcome: 'gone', attempts: attempt + 1, status };
      if (!isRetryable(err) || attempt === retry.attempts - 1) break;
      await sleep(backoffDelay(attempt, retry));
    }
  }
  return { outcome: 'failed', attempts, status: statusOf(last) };
}
