import type { AppContext } from '../../bot/appContext';
import { CHANNEL, type ContactBook } from './contactBook';
import type { InboundMessage, StatusUpdate, WebhookBatch } from './webhookPayload';
import { OUTSIDE_WINDOW, type WhatsAppAdapter } from './whatsAppAdapter';

/** Dedup keys live next to inbound ids in the same table, under their own channel names. */
const FALLBACK_CLAIM = `${CHANNEL}:fallback`;

/**
 * Works through verified webhook batches (kept in the inbox before the HTTP answer went out).
 * Messages of one user run one after another (in the order Meta sent them), different users in
 * parallel. A message id is marked seen once its message was handled, and one already seen is
 * skipped, so a webhook Meta retries or the inbox replays after a restart runs once; a crash
 * between the turn and the mark is caught by the turn's own redelivery check (dialogs/redelivery.ts).
 */
export class WebhookProcessor {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly app: AppContext,
    private readonly adapter: WhatsAppAdapter,
    private readonly contacts: ContactBook,
    private readonly idleExtras: () => Promise<void>,
  ) {}

  /** Resolves true when every item of the batch was handled, false when one failed (it is logged). */
  accept(batch: WebhookBatch): Promise<boolean> {
    const messages = [...batch.messages].sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0));
    const work: Promise<void>[] = [];
    for (const message of messages) work.push(this.enqueue(this.contacts.pseudonymOf(message.from), () => this.handleMessage(message)));
    for (const status of batch.statuses) work.push(this.track(this.handleStatus(status)));
    if (batch.skipped) this.app.logger.warn({ skipped: batch.skipped }, 'whatsapp webhook items with an unexpected shape were skipped');
    return Promise.allSettled(work).then((results) => results.every((r) => r.status === 'fulfilled'));
  }

  /** Tracks other work (inbox bookkeeping) so that whenIdle() waits for it too. */
  after(work: Promise<void>): void {
    void this.track(work).catch(() => undefined);
  }

  /** Resolves when every accepted item and every send it caused has finished. */
  async whenIdle(): Promise<void> {
    while (this.pending.size) {
      await Promise.allSettled([...this.pending]);
    }
    await this.idleExtras();
    if (this.pending.size) await this.whenIdle();
  }

  /** Logs a failure; the returned promise still rejects, so that accept() can tell. */
  private track(work: Promise<void>): Promise<void> {
    const guarded = work.catch((err: Error) => {
      this.app.logger.error({ err: { name: err.name, message: err.message, stack: err.stack } }, 'whatsapp webhook item failed');
    });
    this.pending.add(guarded);
    void guarded.finally(() => this.pending.delete(guarded));
    return work;
  }

  private enqueue(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return this.track(next);
  }

  private async handleMessage(message: InboundMessage): Promise<void> {
    const { app, contacts } = this;
    const wa = app.config.whatsapp!;
    const participant = contacts.pseudonymOf(message.from);
    if (message.phoneNumberId && message.phoneNumberId !== wa.phoneNumberId) {
      app.logger.warn({ participant }, 'whatsapp message for another business number ignored');
      return;
    }
    const now = app.clock.now();
    const storedId = contacts.storedIdOf(message.id);
    if (await app.store.wasMessageSeen(CHANNEL, storedId)) {
      app.logger.debug({ participant }, 'whatsapp message already processed (webhook retry)');
      return;
    }
    const [stored, contact] = await Promise.all([app.store.getParticipant(participant), contacts.get(participant)]);
    const locale = stored?.locale ?? contact?.locale ?? app.config.defaultLocale;
    // The window opens when the user wrote, not when a retried webhook reached us.
    const at = message.at && message.at.getTime() < now.getTime() ? message.at : now;

    if (message.content.kind === 'ignored') {
      app.logger.debug({ participant, type: message.type }, 'whatsapp event without a user message ignored');
    } else if (message.content.kind === 'unsupported') {
      app.logger.info({ participant, type: message.type }, 'whatsapp message type the bot cannot read');
      // After `stop` nothing at all is sent until `start`, not even this hint.
      if (!stored?.optedOut) {
        const t = app.translatorFor(locale);
        await this.adapter.sendFree(message.from, participant, { type: 'text', text: { preview_url: false, body: t('whatsapp:unsupported', { context: stored?.role }) } });
      }
    } else {
      await this.adapter.runTurn({
        messageId: message.id,
        waId: message.from,
        participant,
        text: message.content.text,
        title: message.content.kind === 'choice' ? message.content.title : undefined,
        at,
        locale,
        replyTo: message.contextId,
        waType: message.type,
      });
    }
    await contacts.afterInbound(message.from, participant, at);
    // Only now: a crash before this line leaves the message to be handled again from the inbox.
    await app.store.markMessageSeen(CHANNEL, storedId, now.toISOString());
  }

  private async handleStatus(status: StatusUpdate): Promise<void> {
    const { app, contacts } = this;
    const at = (status.at ?? app.clock.now()).toISOString();
    await app.store.recordDeliveryStatus({ channel: CHANNEL, messageId: contacts.storedIdOf(status.messageId), status: status.status, errorCode: status.errorCode, at });
    if (status.status !== 'failed') return;
    const participant = status.recipient ? contacts.pseudonymOf(status.recipient) : undefined;
    if (status.errorCode !== OUTSIDE_WINDOW || !status.recipient || !participant) {
      app.logger.warn({ participant, code: status.errorCode }, 'whatsapp message was not delivered');
      return;
    }
    await this.fallBackToTemplate(status.messageId, status.recipient, participant);
  }

  /** A free-form message missed the 24-hour window: send the template once in its place. */
  private async fallBackToTemplate(messageId: string, waId: string, participant: string): Promise<void> {
    const { app } = this;
    const sent = this.adapter.sentRecord(messageId);
    if (sent?.kind === 'template') {
      app.logger.error({ participant, code: OUTSIDE_WINDOW }, 'whatsapp template refused as outside the window; check the template');
      return;
    }
    if (!(await app.store.markMessageSeen(FALLBACK_CLAIM, this.contacts.storedIdOf(messageId), app.clock.now().toISOString()))) return;
    app.logger.info({ participant, code: OUTSIDE_WINDOW }, 'whatsapp message missed the window; the template goes instead');
    await this.adapter.sendTemplateIfAllowed(waId, participant, sent?.proactive ?? 'reminder', null);
  }
}
