import { createHmac } from 'node:crypto';
import type { AppContext } from '../../bot/appContext';
import { createContactVault, type ContactVault } from '../../core/contactVault';
import { pseudonymize } from '../../core/pseudonym';
import type { ContactRecord, Participant } from '../../core/types';

export const CHANNEL = 'whatsapp';

/** The 24-hour customer service window, less a margin for clock skew and webhook delay. */
export const WINDOW_MS = 24 * 60 * 60 * 1000 - 5 * 60 * 1000;

/**
 * The only place a WhatsApp number is kept: sealed with AES-256-GCM under CONTACT_KEY, in a
 * record keyed by the participant's pseudonym and apart from every answer. A record exists only
 * for a participant who gave consent; opting out or erasing wipes the number.
 */
export class ContactBook {
  private readonly vault: ContactVault;

  constructor(private readonly app: AppContext) {
    this.vault = createContactVault(app.secrets.contactKey);
  }

  /** The same keyed pseudonym the bot stores answers under (HMAC of "whatsapp:" + wa_id). */
  pseudonymOf(waId: string): string {
    return pseudonymize(this.app.secrets.pseudonymSecret, CHANNEL, waId);
  }

  /**
   * What we store of a WhatsApp message id (dedup, delivery statuses, claims): a keyed hash.
   * A wamid is base64 that embeds the sender's phone number, so it is never stored as is.
   */
  storedIdOf(messageId: string): string {
    return createHmac('sha256', this.app.secrets.pseudonymSecret).update(`${CHANNEL}:message:${messageId}`, 'utf8').digest('hex');
  }

  private context(participant: string): string {
    return `${CHANNEL}:${participant}`;
  }

  get(participant: string): Promise<ContactRecord | undefined> {
    return this.app.store.getContact(participant, CHANNEL);
  }

  /** The number of a usable record, or undefined (disabled, wiped, or sealed under another key). */
  open(record: ContactRecord): string | undefined {
    if (record.disabled || !record.sealed) return undefined;
    try {
      return this.vault.open(record.sealed, this.context(record.participant));
    } catch (err) {
      this.app.logger.error({ participant: record.participant, err: { message: (err as Error).message } }, 'whatsapp contact does not open');
      return undefined;
    }
  }

  /** May this participant be messaged first (invitation, reminder, fallback template)? */
  async mayContact(participant: Participant | undefined): Promise<boolean> {
    if (!participant || participant.consent !== true || participant.optedOut) return false;
    return !(await this.app.store.isDoNotContact(participant.id));
  }

  /**
   * After each inbound message: keep the record in step with what the bot decided during the
   * turn. Consent → a sealed number and the time of this message (it opens the 24-hour window);
   * no consent, opted out or erased → no number is kept.
   */
  async afterInbound(waId: string, participantId: string, inboundAt: Date): Promise<void> {
    const store = this.app.store;
    const [participant, existing] = await Promise.all([store.getParticipant(participantId), this.get(participantId)]);
    const now = this.app.clock.now().toISOString();
    if (!participant || participant.consent !== true || participant.optedOut) {
      if (existing && (!existing.disabled || existing.sealed)) {
        await store.saveContact({ ...existing, sealed: '', disabled: true, updatedAt: now });
      }
      return;
    }
    await store.saveContact({
      participant: participantId,
      channel: CHANNEL,
      sealed: this.vault.seal(waId, this.context(participantId)),
      lastInboundAt: inboundAt.toISOString(),
      disabled: false,
      locale: participant.locale,
      project: participant.project,
      updatedAt: now,
    });
  }

  /** Whether a free-form message may go out now; outside the window only templates may. */
  insideWindow(record: ContactRecord | undefined): boolean {
    if (!record?.lastInboundAt) return false;
    return this.app.clock.now().getTime() - Date.parse(record.lastInboundAt) < WINDOW_MS;
  }
}
