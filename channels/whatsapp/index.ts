import { timingSafeEqual } from 'node:crypto';
import type * as restify from 'restify';
import type { AppContext, BotRuntime, Closable } from '../../bot/appContext';
import { ContactBook } from './contactBook';
import { GraphApiClient, type RetryOptions } from './graphClient';
import { startInvitations, type InvitationScheduler } from './invitations';
import { isValidSignature } from './signature';
import { startUpdateNotices, type UpdateNoticeScheduler } from './updateNotices';
import { WebhookInbox, type KeptDelivery } from './webhookInbox';
import { readWebhook } from './webhookPayload';
import { WebhookProcessor } from './webhookProcessor';
import { WhatsAppAdapter } from './whatsAppAdapter';

export const WHATSAPP_ROUTE = '/api/whatsapp';

export interface WhatsAppOptions {
  /** Backoff for rate limits and transient errors (tests use a few milliseconds). */
  retry?: Partial<RetryOptions>;
  /** Croner pattern of the invitation pass, or false to run it only through `invitations.runOnce()`. */
  invitationCron?: string | false;
}

export interface WhatsAppChannel extends Closable {
  adapter: WhatsAppAdapter;
  contacts: ContactBook;
  invitations: InvitationScheduler;
  /** The once-per-update news template for parents outside the window. */
  notices: UpdateNoticeScheduler;
  /** Resolves when every accepted webhook item, and every send it caused, has finished. */
  whenIdle(): Promise<void>;
}

const channels = new WeakMap<AppContext, WhatsAppChannel>();

/** The channel registered for this app, if any (tests await `whenIdle()` through it). */
export function whatsAppChannelOf(app: AppContext): WhatsAppChannel | undefined {
  return channels.get(app);
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The hub.* parameters read from the raw query, independent of how queryParser is configured. */
function hubParams(req: restify.Request): URLSearchParams {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return new URLSearchParams(q >= 0 ? url.slice(q + 1) : '');
}

/**
 * The WhatsApp Business Cloud API channel on `/api/whatsapp`: Meta's verification handshake
 * (GET), signed webhooks (POST, answered at once, processed afterwards), the adapter that runs
 * the bot for WhatsApp users, and the check-in invitation scheduler. Without WhatsApp
 * configuration the route answers 404 and nothing else starts.
 */
export function registerWhatsApp(
  server: restify.Server,
  app: AppContext,
  runtime: BotRuntime,
  options: WhatsAppOptions = {},
): WhatsAppChannel | undefined {
  const wa = app.config.whatsapp;
  if (!wa) {
    const notConfigured = async (_req: restify.Request, res: restify.Response) => {
      res.send(404, { error: 'WhatsApp is not configured (see WHATSAPP_* in .env.example)' });
    };
    server.get(WHATSAPP_ROUTE, notConfigured);
    server.post(WHATSAPP_ROUTE, notConfigured);
    return undefined;
  }

  const client = new GraphApiClient({
    baseUrl: wa.apiBaseUrl,
    apiVersion: wa.apiVersion,
    phoneNumberId: wa.phoneNumberId,
    token: wa.token,
    sendRate: wa.sendRate,
    retry: options.retry,
    logger: app.logger,
  });
  const contacts = new ContactBook(app);
  const adapter = new WhatsAppAdapter(app, runtime.bot, client, contacts);
  const processor = new WebhookProcessor(app, adapter, contacts, () => client.idle());
  const inbox = new WebhookInbox(app);
  const work = (kept: KeptDelivery) =>
    processor.after(
      processor.accept(kept.batch).then(async (ok) => {
        // a delivery with a failed item stays in the inbox and is tried again at the next start
        if (ok) await inbox.done(kept.entry);
      }),
    );
  // What a crash or a failure left in the inbox is handled before anything else of its users.
  const replayed = (async () => {
    let count = 0;
    for await (const kept of inbox.waiting()) {
      work(kept);
      count++;
    }
    if (count) app.logger.info({ deliveries: count }, 'whatsapp webhook deliveries from the inbox processed again');
  })().catch((err: Error) => app.logger.error({ err: { name: err.name, message: err.message } }, 'whatsapp inbox could not be read at start'));
  processor.after(replayed);
  const invitations = startInvitations(app, adapter, contacts, { cron: options.invitationCron });
  const notices = startUpdateNotices(app, adapter, contacts, { cron: options.invitationCron });

  server.get(WHATSAPP_ROUTE, async (req: restify.Request, res: restify.Response) => {
    const params = hubParams(req);
    const challenge = params.get('hub.challenge');
    if (params.get('hub.mode') === 'subscribe' && challenge !== null && sameSecret(params.get('hub.verify_token'), wa.verifyToken)) {
      app.logger.info('whatsapp webhook verified by Meta');
      res.sendRaw(200, challenge, { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    app.logger.warn({ mode: params.get('hub.mode') }, 'whatsapp webhook verification refused');
    res.sendRaw(403, 'Forbidden', { 'Content-Type': 'text/plain; charset=utf-8' });
  });

  server.post(WHATSAPP_ROUTE, async (req: restify.Request, res: restify.Response) => {
    // jsonBodyParser keeps the body exactly as received (a UTF-8 string) in req.rawBody.
    const raw = (req as restify.Request & { rawBody?: string | Buffer }).rawBody;
    if (!isValidSignature(wa.appSecret, raw, req.header('x-hub-signature-256'))) {
      app.logger.warn({ hasSignature: Boolean(req.header('x-hub-signature-256')) }, 'whatsapp webhook with a missing or wrong signature refused');
      res.send(401, { error: 'invalid signature' });
      return;
    }
    const batch = readWebhook(req.body);
    if (!batch) {
      res.send(200);
      app.logger.warn('signed whatsapp webhook that is not a WhatsApp Business Account event ignored');
      return;
    }
    let kept: KeptDelivery;
    try {
      // Durable before the 200: Meta does not redeliver what we acknowledged, but retries a 503.
      kept = await inbox.keep(typeof raw === 'string' ? raw : raw!.toString('utf8'), batch);
    } catch (err) {
      app.logger.error({ err: { name: (err as Error).name } }, 'whatsapp webhook not acknowledged: the inbox cannot be written');
      res.send(503, { error: 'storage unavailable, retry later' });
      return;
    }
    // Answer at once: Meta expects a quick 200; the work happens after.
    res.send(200);
    work(kept);
  });

  const channel: WhatsAppChannel = {
    adapter,
    contacts,
    invitations,
    notices,
    whenIdle: () => processor.whenIdle(),
    async close() {
      await invitations.close();
      await notices.close();
      await processor.whenIdle();
      channels.delete(app);
    },
  };
  channels.set(app, channel);
  return channel;
}
