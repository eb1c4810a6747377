import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedActivity {
  conversationId: string;
  body: Record<string, unknown>;
}

/**
 * A Bot Framework connector on loopback that speaks the real wire format: it records what the
 * CloudAdapter posts to /v3/conversations/{id}/activities and answers member look-ups. Per
 * conversation it can answer a list of statuses first (e.g. 412, then the default 200).
 */
export class FakeConnector {
  readonly posted: PostedActivity[] = [];
  readonly scripted = new Map<string, number[]>();
  readonly members = new Map<string, { id: string; email?: string; userPrincipalName?: string }>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  to(conversationId: string): Record<string, unknown>[] {
    return this.posted.filter((p) => p.conversationId === conversationId).map((p) => p.body);
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      const m = this.members.get(member[2]);
      return m ? send(200, m) : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    const activities = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(path);
    if (req.method === 'POST' && activities) {
      const conversationId = activities[1];
      const script = this.scripted.get(conversationId);
      const status = script?.length ? script.shift()! : 200;
      if (status !== 200) return send(status, { error: { code: 'Scripted', message: `scripted ${status}` } });
      this.posted.push({ conversationId, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      return send(200, { id: `activity-${this.posted.length}` });
    }
    send(404, { error: { code: 'NotFound', message: path } });
  }
}
