import { z } from 'zod';

/**
 * The parts of Meta's webhook envelope we act on (object → entry[] → changes[] → value). Unknown
 * fields pass through untouched; a change for another field (templates, account updates) is ignored.
 */

const messageSchema = z
  .object({
    id: z.string().min(1),
    from: z.string().min(1).optional(),
    timestamp: z.string().optional(),
    type: z.string(),
    text: z.object({ body: z.string() }).passthrough().optional(),
    interactive: z
      .object({
        type: z.string(),
        button_reply: z.object({ id: z.string(), title: z.string().optional() }).passthrough().optional(),
        list_reply: z.object({ id: z.string(), title: z.string().optional() }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
    button: z.object({ payload: z.string().optional(), text: z.string().optional() }).passthrough().optional(),
    context: z.object({ id: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

const statusSchema = z
  .object({
    id: z.string().min(1),
    status: z.string(),
    timestamp: z.string().optional(),
    recipient_id: z.string().optional(),
    errors: z.array(z.object({ code: z.coerce.number() }).passthrough()).optional(),
  })
  .passthrough();

const valueSchema = z
  .object({
    metadata: z.object({ phone_number_id: z.string().optional() }).passthrough().optional(),
    messages: z.array(z.unknown()).optional(),
    statuses: z.array(z.unknown()).optional(),
  })
  .passthrough();

const envelopeSchema = z
  .object({
    object: z.literal('whatsapp_business_account'),
    entry: z.array(
      z
        .object({ changes: z.array(z.object({ field: z.string().optional(), value: z.unknown() }).passthrough()).default([]) })
        .passthrough(),
    ),
  })
  .passthrough();

/** What the user sent, reduced to what the bot can use. */
export type InboundContent =
  | { kind: 'text'; text: string }
  /** A tap on a reply button, list row or template quick-reply: `text` is the id/payload the bot offered. */
  | { kind: 'choice'; text: string; title?: string }
  | { kind: 'unsupported' }
  /** Events that are not a message from the user (a number change, a removed reaction): no reply. */
  | { kind: 'ignored' };

export interface InboundMessage {
  id: string;
  /** wa_id of the sender; never log or store it in the clear. */
  from: string;
  at: Date | undefined;
  phoneNumberId: string | undefined;
  type: string;
  content: InboundContent;
  /** wamid of our message the user replied to, if any. */
  contextId?: string;
}

export interface StatusUpdate {
  messageId: string;
  status: string;
  /** wa_id the message went to; never log or store it in the clear. */
  recipient: string | undefined;
  at: Date | undefined;
  errorCode: number | null;
  phoneNumberId: string | undefined;
}

export interface WebhookBatch {
  messages: InboundMessage[];
  statuses: StatusUpdate[];
  /** Items we could not read (shape errors), counted for the log. */
  skipped: number;
}

function unixSeconds(ts: string | undefined): Date | undefined {
  if (!ts || !/^\d+$/.test(ts)) return undefined;
  return new Date(Number(ts) * 1000);
}

function contentOf(m: z.infer<typeof messageSchema>): InboundContent {
  switch (m.type) {
    case 'text':
      return m.text ? { kind: 'text', text: m.text.body } : { kind: 'unsupported' };
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      return reply ? { kind: 'choice', text: reply.id, title: reply.title } : { kind: 'unsupported' };
    }
    case 'button': {
      const value = m.button?.payload || m.button?.text;
      return value ? { kind: 'choice', text: value, title: m.button?.text } : { kind: 'unsupported' };
    }
    case 'system':
    case 'request_welcome':
      return { kind: 'ignored' };
    case 'reaction': {
      const reaction = (m as { reaction?: { emoji?: string } }).reaction;
      return reaction?.emoji ? { kind: 'unsupported' } : { kind: 'ignored' };
    }
    default:
      return { kind: 'unsupported' };
  }
}

/** Returns undefined when the body is not a WhatsApp Business webhook at all. */
export function readWebhook(body: unknown): WebhookBatch | undefined {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return undefined;
  const batch: WebhookBatch = { messages: [], statuses: [], skipped: 0 };
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== undefined && change.field !== 'messages') continue;
      const value = valueSchema.safeParse(change.value);
      if (!value.success) {
        batch.skipped++;
        continue;
      }
      const phoneNumberId = value.data.metadata?.phone_number_id;
      for (const raw of value.data.messages ?? []) {
        const m = messageSchema.safeParse(raw);
        // A message without `from` (username-only users) cannot be answered; skip it, do not guess.
        if (!m.success || !m.data.from) {
          batch.skipped++;
          continue;
        }
        batch.messages.push({
          id: m.data.id,
          from: m.data.from,
          at: unixSeconds(m.data.timestamp),
          phoneNumberId,
          type: m.data.type,
          content: contentOf(m.data),
          contextId: m.data.context?.id,
        });
      }
      for (const raw of value.data.statuses ?? []) {
        const s = statusSchema.safeParse(raw);
        if (!s.success) {
          batch.skipped++;
          continue;
        }
        batch.statuses.push({
          messageId: s.data.id,
          status: s.data.status,
          recipient: s.data.recipient_id,
          at: unixSeconds(s.data.timestamp),
          errorCode: s.data.errors?.[0]?.code ?? null,
          phoneNumberId,
        });
      }
    }
  }
  return batch;
}
