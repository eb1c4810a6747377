import type { Logger } from '../../bot/logger';
import type { WhatsAppMessage } from './render';
import { defaultSleep, SendPacer } from './sendPacer';

export interface RetryOptions {
  /** Tries in total, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

export interface GraphClientOptions {
  baseUrl: string;
  apiVersion: string;
  phoneNumberId: string;
  token: string;
  sendRate: number;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs?: number;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export type SendOutcome =
  | { ok: true; messageId: string; attempts: number }
  | {
      ok: false;
      /** Meta's error code (e.g. 131047, 131026, 100), null when there was none. */
      code: number | null;
      httpStatus: number | null;
      attempts: number;
      /** permanent: retrying cannot help; gave-up: still limited or failing after every attempt. */
      reason: 'permanent' | 'gave-up';
    };

/** Throughput (130429) and app/WABA call limits (4, 80007, 613): the whole number must slow down. */
const NUMBER_LIMIT_CODES = new Set([130429, 4, 80007, 613]);
/** Too many messages to one user in a short time: only that message waits. */
const PAIR_LIMIT_CODE = 131056;
/** Meta's "temporary" family: generic server error, service unavailable, unknown API error. */
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016]);

interface GraphError {
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
}

async function readJson(res: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await res.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The WhatsApp Cloud API send endpoint with the rules Meta sets: a paced per-number queue,
 * backoff and retry on rate limits (HTTP 429, 130429, 131056) and transient server errors,
 * and a clear outcome instead of an exception, so a failed send never breaks a bot turn.
 */
export class GraphApiClient {
  private readonly url: string;
  private readonly retry: RetryOptions;
  private readonly pacer: SendPacer;
  private readonly sleep: (ms: number) => Promise<void>;
  private inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: GraphClientOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}/${encodeURIComponent(options.phoneNumberId)}/messages`;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? defaultSleep;
    this.pacer = new SendPacer(options.sendRate, this.sleep);
  }

  /** `participant` (a pseudonym) only labels log lines; `to` is never logged. */
  send(to: string, message: WhatsAppMessage, participant?: string): Promise<SendOutcome> {
    const p = this.sendWithRetry(to, message, participant);
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  /**
   * Marks an incoming message as read and, while the bot is about to answer, shows the typing
   * indicator (Meta shows it until the reply arrives or 25 seconds pass). Meta recommends both;
   * a lost receipt costs the participant nothing, so it is tried once, outside the send pacing.
   */
  markRead(messageId: string, typing: boolean, participant?: string): Promise<boolean> {
    const body: Record<string, unknown> = { messaging_product: 'whatsapp', status: 'read', message_id: messageId };
    if (typing) body.typing_indicator = { type: 'text' };
    const p = fetch(this.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 15_000),
    }).then(
      async (res) => {
        const answer = await readJson(res);
        if (res.ok && answer?.success === true) return true;
        this.options.logger.debug({ participant, httpStatus: res.status }, 'whatsapp read receipt refused');
        return false;
      },
      (err: Error) => {
        this.options.logger.debug({ participant, err: { name: err.name } }, 'whatsapp read receipt failed to connect');
        return false;
      },
    );
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  /** Resolves once every send started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private backoff(attempt: number, retryAfterSeconds?: number): number {
    const exponential = this.retry.baseDelayMs * 2 ** (attempt - 1);
    const jittered = exponential * (0.75 + Math.random() * 0.5);
    const hinted = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : 0;
    return Math.min(this.retry.maxDelayMs, Math.max(jittered, hinted));
  }

  private async sendWithRetry(to: string, message: WhatsAppMessage, participant?: string): Promise<SendOutcome> {
    const log = this.options.logger;
    let last: { code: number | null; httpStatus: number | null } = { code: null, httpStatus: null };
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      await this.pacer.acquire();
      let res: Response;
      try {
        res = await fetch(this.url, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message }),
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 15_000),
        });
      } catch (err) {
        last = { code: null, httpStatus: null };
        const delayMs = this.backoff(attempt);
        log.warn({ participant, attempt, delayMs, err: { name: (err as Error).name, message: (err as Error).message } }, 'whatsapp send failed to connect; retrying');
        if (attempt < this.retry.attempts) await this.sleep(delayMs);
        continue;
      }
      const body = await readJson(res);
      if (res.ok) {
        const messages = body?.messages as Array<{ id?: string }> | undefined;
        const messageId = messages?.[0]?.id;
        if (messageId) return { ok: true, messageId, attempts: attempt };
        log.error({ participant, httpStatus: res.status }, 'whatsapp send answered without a message id');
        return { ok: false, code: null, httpStatus: res.status, attempts: attempt, reason: 'permanent' };
      }

      const error = (body?.error ?? {}) as GraphError;
      const code = typeof error.code === 'number' ? error.code : null;
      last = { code, httpStatus: res.status };
      const retryAfter = Number(res.headers.get('retry-after'));
      const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter >= 0 && res.headers.has('retry-after') ? retryAfter : undefined;
      const numberLimited = res.status === 429 || (code !== null && NUMBER_LIMIT_CODES.has(code));
      const pairLimited = code === PAIR_LIMIT_CODE;
      const transient = res.status >= 500 || error.is_transient === true || (code !== null && TRANSIENT_CODES.has(code));
      if (!numberLimited && !pairLimited && !transient) {
        log.error({ participant, code, subcode: error.error_subcode, httpStatus: res.status }, 'whatsapp send refused');
        return { ok: false, code, httpStatus: res.status, attempts: attempt, reason: 'permanent' };
      }
      const delayMs = this.backoff(attempt, retryAfterSeconds);
      if (numberLimited) this.pacer.pause(delayMs);
      log.warn({ participant, code, httpStatus: res.status, attempt, delayMs }, numberLimited || pairLimited ? 'whatsapp rate limit; backing off' : 'whatsapp send failed; retrying');
      if (attempt < this.retry.attempts && !numberLimited) await this.sleep(delayMs);
    }
    log.error({ participant, ...last, attempts: this.retry.attempts }, 'whatsapp send gave up');
    return { ok: false, ...last, attempts: this.retry.attempts, reason: 'gave-up' };
  }
}
