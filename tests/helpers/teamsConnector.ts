import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { postRaw, type PostResult } from './botHttp';

export interface PostedActivity {
  conversationId: string;
  body: Record<string, unknown>;
}

/** A member as Teams describes one (TeamsChannelAccount), the answer to a member look-up. */
export interface TeamsMember {
  /** The Teams user id ("29:..."), the activity's from.id. */
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: 'user' | 'guest';
}

/**
 * The Teams connector (Bot Framework Connector API) on loopback, speaking the real wire format:
 * it records what the CloudAdapter posts to /v3/conversations/{id}/activities and answers member
 * look-ups (GET /v3/conversations/{id}/members/{userId}, what TeamsInfo.getMember calls) from its
 * roster, 404 MemberNotFoundInConversation for anyone else, as Teams does. Without MicrosoftAppId
 * this is the only thing the bot believes about who a Teams user is (bot/digestIdentity.ts), so a
 * test plays a lead, a professional or a safeguarding contact by putting them on the roster.
 * Per conversation it can answer a list of statuses first (e.g. 412, then the default 200).
 */
export class TeamsConnector {
  readonly posted: PostedActivity[] = [];
  readonly scripted = new Map<string, number[]>();
  readonly members = new Map<string, TeamsMember>();
  /** Every member look-up: conversation (or team) id and user id. */
  readonly lookups: { conversationId: string; userId: string }[] = [];
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

  /** Puts someone on the roster, with the tenant and role Teams reports for a member. */
  addMember(member: TeamsMember): TeamsMember {
    const full: TeamsMember = { tenantId: 'tenant-1', userRole: 'user', name: member.name ?? member.email ?? member.id, ...member };
    this.members.set(member.id, full);
    return full;
  }

  to(conversationId: string): Record<string, unknown>[] {
    return this.posted.filter((p) => p.conversationId === conversationId).map((p) => p.body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      this.lookups.push({ conversationId: member[1], userId: member[2] });
      const m = this.members.get(member[2]);
      return m ? send(200, m) : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'The member is not part of the conversation.' } });
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

/**
 * A Teams user in a personal chat with the bot, posting to the real /api/messages as Teams does
 * (from.aadObjectId included, serviceUrl the connector); replies come back in the body
 * (deliveryMode expectReplies). Who they are is whatever the connector's roster says.
 */
export function teamsUser(appUrl: string, connector: TeamsConnector, user: { id: string; aadObjectId?: string; name?: string }, conversationId: string) {
  return {
    send: (text: string, extra: Partial<Activity> = {}): Promise<PostResult> =>
      postRaw(
        appUrl,
        JSON.stringify({
          type: 'message',
          id: `m-${randomUUID()}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          deliveryMode: 'expectReplies',
          conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
          from: { id: user.id, name: user.name ?? 'Teams user', ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}) },
          recipient: { id: '28:hoormij', name: 'HoorMij' },
          locale: 'nl-NL',
          text,
          ...extra,
        }),
      ),
  };
}
