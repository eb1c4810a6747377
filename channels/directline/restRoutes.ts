import type { TLSSocket } from 'node:tls';
import type * as restify from 'restify';
import type { DlReply, LocalDirectLine } from './localDirectLine';
import { requestOrigin } from './requestOrigin';

export const DIRECT_LINE_BASE = '/v3/directline';

export function sendReply(res: restify.Response, reply: DlReply): void {
  res.header('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.header(name, value);
  res.send(reply.status, reply.body);
}

/** The REST half of Direct Line 3.0 that botframework-directlinejs and Web Chat use. */
export function registerDirectLineRoutes(server: restify.Server, dl: LocalDirectLine, fallbackHost: () => string): void {
  const auth = (req: restify.Request) => req.headers.authorization;
  const wsOrigin = (req: restify.Request) => requestOrigin(req.headers, Boolean((req.socket as TLSSocket).encrypted), fallbackHost()).ws;
  const watermark = (req: restify.Request) => (typeof req.query?.watermark === 'string' ? req.query.watermark : '');
  const id = (req: restify.Request) => String(req.params.conversationId);

  server.post(`${DIRECT_LINE_BASE}/tokens/refresh`, async (req, res) => sendReply(res, dl.refreshToken(auth(req))));

  server.post(`${DIRECT_LINE_BASE}/conversations`, async (req, res) => sendReply(res, dl.startConversation(auth(req), req.body, wsOrigin(req))));

  server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId`, async (req, res) =>
    sendReply(res, dl.resumeConversation(auth(req), id(req), watermark(req), wsOrigin(req))),
  );

  server.get(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) =>
    sendReply(res, dl.getActivities(auth(req), id(req), watermark(req))),
  );

  server.post(`${DIRECT_LINE_BASE}/conversations/:conversationId/activities`, async (req, res) => {
    const raw: unknown = (req as restify.Request & { rawBody?: unknown }).rawBody;
    const bytes = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : Buffer.isBuffer(raw) ? raw.length : Buffer.byteLength(JSON.stringify(req.body ?? null));
    sendReply(res, await dl.postActivity(auth(req), id(req), req.body, bytes));
  });

  // Web Chat's upload button is hidden; a client that tries anyway gets a clear refusal, not a hang.
  server.post(`${DIRECT_LINE_BASE}/conversations/:conversationId/upload`, async (_req, res) =>
    sendReply(res, { status: 400, body: { error: { code: 'BadArgument', message: 'uploads are not supported' } } }),
  );
}
