import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Meta's Graph API send endpoint on loopback. It speaks the real wire format
 * (POST /{version}/{phone-number-id}/messages with a Bearer token; the documented success and
 * error bodies), records every request, and answers with scripted errors when told to.
 */

export interface RecordedSend {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> & { to?: string; type?: string };
  /** What the server answered. */
  status: number;
  messageId?: string;
}

export interface ScriptedReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Meta's error body, e.g. graphError(131047, 'Re-engagement message'). */
export function graphError(code: number, message = 'error', extra: Record<string, unknown> = {}): unknown {
  return { error: { message, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: 'AbCdEf123', ...extra } };
}

export interface GraphApiServer {
  url: string;
  sends: RecordedSend[];
  /** Read receipts (`status: read`, with or without a typing indicator), kept apart from sends. */
  reads: RecordedSend[];
  /** Only the requests that were answered with a message id. */
  delivered(): RecordedSend[];
  /** The next replies, in order, before the server goes back to answering success. */
  script(...replies: ScriptedReply[]): void;
  /** Answer every read receipt with this reply until cleared. */
  failReads(reply: ScriptedReply | undefined): void;
  /** Fail every request to this recipient with this reply until cleared. */
  failRecipient(to: string, reply: ScriptedReply | undefined): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startGraphApiServer(options: { phoneNumberId: string; token: string; apiVersion?: string }): Promise<GraphApiServer> {
  const expectedPath = `/${options.apiVersion ?? 'v23.0'}/${options.phoneNumberId}/messages`;
  const sends: RecordedSend[] = [];
  const reads: RecordedSend[] = [];
  let readFailure: ScriptedReply | undefined;
  const scripted: ScriptedReply[] = [];
  const perRecipient = new Map<string, ScriptedReply>();
  let counter = 0;

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== expectedPath) return reply(404, graphError(100, `Unknown path ${req.url}`));
    if (req.headers.authorization !== `Bearer ${options.token}`) return reply(401, graphError(190, 'Invalid OAuth access token'));
    let body: RecordedSend['body'];
    try {
      body = JSON.parse(raw) as RecordedSend['body'];
    } catch {
      return reply(400, graphError(100, 'Invalid JSON'));
    }
    const record: RecordedSend = { path: req.url, authorization: req.headers.authorization, body, status: 200 };
    // A read receipt never takes a scripted error meant for a send.
    if (body.status === 'read') {
      reads.push(record);
      if (readFailure) {
        record.status = readFailure.status;
        return reply(readFailure.status, readFailure.body ?? {}, readFailure.headers);
      }
      if (body.messaging_product !== 'whatsapp' || typeof body.message_id !== 'string') {
        record.status = 400;
        return reply(400, graphError(100, 'Invalid parameter'));
      }
      return reply(200, { success: true });
    }
    sends.push(record);
    const forced = (typeof body.to === 'string' && perRecipient.get(body.to)) || scripted.shift();
    if (forced) {
      record.status = forced.status;
      return reply(forced.status, forced.body ?? {}, forced.headers);
    }
    if (body.messaging_product !== 'whatsapp' || typeof body.to !== 'string' || typeof body.type !== 'string') {
      record.status = 400;
      return reply(400, graphError(100, 'Invalid parameter'));
    }
    counter++;
    // Like Meta's ids: base64 that embeds the recipient's number, so storing one would leak it.
    const tail = `TEST${String(counter).padStart(16, '0')}`;
    record.messageId = `wamid.${Buffer.concat([Buffer.from([0x1c, 0x18, body.to.length]), Buffer.from(`${body.to}`, 'latin1'), Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x14]), Buffer.from(tail, 'latin1'), Buffer.from([0x00])]).toString('base64')}`;
    return reply(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to }],
      messages: [{ id: record.messageId }],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sends,
    reads,
    delivered: () => sends.filter((s) => s.messageId),
    script: (...replies) => scripted.push(...replies),
    failReads: (reply) => {
      readFailure = reply;
    },
    failRecipient: (to, reply) => (reply ? perRecipient.set(to, reply) : perRecipient.delete(to)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
