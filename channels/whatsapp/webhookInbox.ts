import { createHmac } from 'node:crypto';
import type { AppContext } from '../../bot/appContext';
import { createContactVault, type ContactVault } from '../../core/contactVault';
import type { InboxEntry } from '../../storage/port';
import { CHANNEL } from './contactBook';
import { readWebhook, type WebhookBatch } from './webhookPayload';

/** Deliveries read back per store call when the inbox is replayed after a start. */
const REPLAY_PAGE = 100;

export interface KeptDelivery {
  entry: InboxEntry;
  batch: WebhookBatch;
}

/**
 * Meta does not redeliver a webhook we answered with 200, so a verified delivery is written to the
 * store's inbox first and acknowledged only once it is durable; it is removed when every message of
 * it has been processed. Deliveries left by a crash or a failure are processed again at the next
 * start; processing is idempotent by message id (webhookProcessor.ts), so a replay that overlaps
 * work already done repeats nothing. The payload holds phone numbers and free text: it is sealed
 * under CONTACT_KEY like a contact record, and the entry id is a keyed hash of the bytes.
 */
export class WebhookInbox {
  private readonly vault: ContactVault;

  constructor(private readonly app: AppContext) {
    this.vault = createContactVault(app.secrets.contactKey);
  }

  /** Keyed: a guessed payload cannot be tested against stored ids. */
  private idOf(raw: string): string {
    return createHmac('sha256', this.app.secrets.pseudonymSecret).update(`${CHANNEL}:delivery:${raw}`, 'utf8').digest('hex');
  }

  /** Resolves once the delivery is in the store (throws when the store cannot take it). */
  async keep(raw: string, batch: WebhookBatch): Promise<KeptDelivery> {
    const id = this.idOf(raw);
    const entry: InboxEntry = { channel: CHANNEL, id, payload: this.vault.seal(raw, this.context(id)), receivedAt: this.app.clock.now().toISOString() };
    // false: the same delivery is already waiting (a retry, or a replay under way); processing it
    // again is harmless, and it stays until one of the runs completes it.
    await this.app.store.addToInbox(entry);
    return { entry, batch };
  }

  async done(entry: InboxEntry): Promise<void> {
    await this.app.store.completeInbox(entry.channel, entry.id);
  }

  /**
   * Every waiting delivery, oldest first, read back. One that cannot be opened or read any more
   * (sealed under another key, or from a newer version) is logged and left for the retention job.
   */
  async *waiting(): AsyncGenerator<KeptDelivery> {
    const seen = new Set<string>();
    for (;;) {
      const page = (await this.app.store.listInbox(CHANNEL, REPLAY_PAGE + seen.size)).filter((e) => !seen.has(e.id));
      if (page.length === 0) return;
      for (const entry of page) {
        seen.add(entry.id);
        const batch = this.read(entry);
        if (batch) yield { entry, batch };
      }
    }
  }

  private read(entry: InboxEntry): WebhookBatch | undefined {
    try {
      const batch = readWebhook(JSON.parse(this.vault.open(entry.payload, this.context(entry.id))) as unknown);
      if (batch) return batch;
    } catch (err) {
      this.app.logger.error({ err: { name: (err as Error).name }, receivedAt: entry.receivedAt }, 'whatsapp inbox entry cannot be read; left for the retention job');
      return undefined;
    }
    return undefined;
  }

  private context(id: string): string {
    return `${CHANNEL}:inbox:${id}`;
  }
}
