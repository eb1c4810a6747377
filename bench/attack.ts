import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { WebSocket } from 'ws';
import { signatureFor } from '../channels/whatsapp/signature';
import { nestedJson, rawRequest, rawUpgrade, withNestedField, type RawResponse } from './rawHttp';

/**
 * `npm run attack`: the attacks of issue 11 against a real server on loopback — the HTTP edge,
 * claimed identities, crafted ids, forged WhatsApp webhooks and redelivered activities —, each
 * bounded in count and time. Reports the status codes per attack, whether the process lived,
 * its peak RSS, and whether anything the attacks sent turned up in its logs. Exits 1 on a 5xx,
 * a dead server, RSS over 512 MB or a leaked marker.
 */

const MARKER = 'ATTACK-MARKER-c0ffee';
const RSS_LIMIT_MB = 512;

interface Outcome {
  name: string;
  requests: number;
  statuses: Record<string, number>;
  seconds: number;
  /** The server's peak RSS so far, after this attack. */
  peakRssMb: number;
}

function startServer(): Promise<{ child: ChildProcess; url: string; logs: string[] }> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', join(__dirname, 'attackServer.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => logs.push(l));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stderr! });
    lines.on('line', (line) => {
      if (line.startsWith('{"port"')) resolve({ child, url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, logs });
      else logs.push(line);
    });
    child.once('exit', (code) => reject(new Error(`the attack server exited with ${code}`)));
  });
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function batches<T>(count: number, parallel: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += parallel) out.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, j) => one(i + j)))));
  return out;
}

const activity = (user: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9',
  deliveryMode: 'expectReplies',
  conversation: { id: `attack-${user}` },
  from: { id: user },
  recipient: { id: 'hoormij' },
  text: `hallo ${MARKER}`,
  ...extra,
});

const json = { 'content-type': 'application/json', authorization: `Bearer ${MARKER}` };
const from = (address: string) => ({ ...json, 'x-forwarded-for': address });

async function dlToken(url: string, address: string, userId: string): Promise<RawResponse & { token?: string; id?: string }> {
  const r = await rawRequest(url, { path: '/api/directline/token', headers: from(address), body: JSON.stringify({ userId }) });
  const body = r.status === 200 ? (JSON.parse(r.text) as { token: string; conversationId: string }) : undefined;
  return { ...r, token: body?.token, id: body?.conversationId };
}

const dlPost = (url: string, token: string, id: string, body: string) =>
  rawRequest(url, { path: `/v3/directline/conversations/${id}/activities`, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });

const userId = (i: number) => `dl_attack${String(i).padStart(12, '0')}`;

async function main(): Promise<void> {
  const { child, url, logs } = await startServer();
  const outcomes: Outcome[] = [];
  const run = async (name: string, fn: () => Promise<number[]>) => {
    const started = Date.now();
    const statuses = await fn();
    const counts: Record<string, number> = {};
    for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
    const peak = Math.round(peakRssMb(child.pid!));
    outcomes.push({ name, requests: statuses.length, statuses: counts, seconds: (Date.now() - started) / 1000, peakRssMb: peak });
    process.stdout.write(`${name}: ${JSON.stringify(counts)} (peak RSS ${peak} MB)\n`);
  };
  const routes = ['/api/messages', '/api/whatsapp', '/api/directline/token', '/v3/directline/conversations', '/v3/directline/tokens/refresh', '/healthz'];

  try {
    await run('broken gzip on every route', () =>
      batches(routes.length * 50, 20, async (i) => (await rawRequest(url, { method: routes[i % routes.length] === '/healthz' ? 'GET' : 'POST', path: routes[i % routes.length], headers: { ...json, 'content-encoding': 'gzip' }, body: `not gzip ${MARKER}` })).status),
    );
    const bomb = gzipSync(Buffer.alloc(512 * 1024 * 1024));
    await run('gzip bomb (520 MiB in 510 KB)', () => batches(10, 5, async () => (await rawRequest(url, { path: '/api/messages', headers: { ...json, 'content-encoding': 'gzip' }, body: bomb })).status));
    const chunk = 'x'.repeat(64 * 1024);
    await run('2 MB chunked body', () => batches(20, 5, async () => (await rawRequest(url, { path: '/api/messages', headers: { ...json, 'transfer-encoding': 'chunked' }, chunks: Array.from({ length: 32 }, () => chunk) })).status));
    await run('deep nesting in conversation/from/recipient/channelData', () =>
      batches(200, 20, async (i) => (await rawRequest(url, { path: '/api/messages', headers: json, body: withNestedField(activity(`deep-${i}`), ['conversation', 'from', 'recipient', 'channelData'][i % 4], 5000) })).status),
    );
    await run('invalid JSON quoting a marker', () => batches(100, 20, async () => (await rawRequest(url, { path: '/api/messages', headers: json, body: `{"text":"${MARKER}` })).status));

    await run('deep channelData on the local Direct Line, then the stream replay', async () => {
      const t = await dlToken(url, '10.0.0.1', userId(1));
      const statuses = [t.status];
      statuses.push((await dlPost(url, t.token!, t.id!, JSON.stringify({ type: 'message', text: 'hallo' }))).status);
      for (let i = 0; i < 20; i++) statuses.push((await dlPost(url, t.token!, t.id!, `{"type":"message","text":"x","channelData":${nestedJson(8000)}}`)).status);
      const started = await rawRequest(url, { path: '/v3/directline/conversations', headers: { authorization: `Bearer ${t.token!}` } });
      statuses.push(started.status);
      const streamUrl = (JSON.parse(started.text) as { streamUrl: string }).streamUrl;
      const opened = await new Promise<number>((resolve) => {
        const ws = new WebSocket(streamUrl);
        ws.once('message', () => {
          ws.close();
          resolve(101);
        });
        ws.once('error', () => resolve(599));
        setTimeout(() => resolve(598), 10_000).unref();
      });
      return [...statuses, opened];
    });

    await run('Upgrade requests on other paths (2000 sockets)', async () => {
      const results = await batches(2000, 200, async (i) => rawUpgrade(url, ['/', '/api/messages', '/healthz', '/v3/directline/conversations/x/other'][i % 4], 5000));
      // 0 stands for a socket the server left open.
      return results.map((r) => (r.closed ? Number(/HTTP\/1\.1 (\d+)/.exec(r.statusLine)?.[1] ?? 0) : 0));
    });

    await run('token flood from one address (1100 requests)', () => batches(1100, 50, async (i) => (await dlToken(url, '10.0.0.2', userId(100 + i))).status));
    await run('token flood from 2000 addresses, then a new visitor', async () => {
      const flood = await batches(2000, 50, async (i) => (await dlToken(url, `10.1.${Math.floor(i / 250)}.${i % 250}`, userId(5000 + i))).status);
      const visitor = await dlToken(url, '10.9.9.9', userId(99999));
      const posted = visitor.token ? (await dlPost(url, visitor.token, visitor.id!, JSON.stringify({ type: 'message', text: 'hoi' }))).status : 0;
      return [...flood.map((s) => (s === 429 ? 429 : s)), visitor.status === 200 && posted === 200 ? 200 : 597];
    });

    await run('Direct Line memory: 400 conversations x 8 activities of 30 KB', async () => {
      const text = 'x'.repeat(30_000);
      return (
        await batches(400, 20, async (i) => {
          const t = await dlToken(url, `10.2.${Math.floor(i / 200)}.${i % 200}`, userId(20000 + i));
          if (!t.token) return [t.status];
          const s = [t.status];
          for (let j = 0; j < 8; j++) s.push((await dlPost(url, t.token, t.id!, JSON.stringify({ type: 'message', text }))).status);
          return s;
        })
      ).flat();
    });

    // Identity: a lead's e-mail and an AAD object id written into the message count for nothing.
    // 596 marks an answer that handed out a digest or registered the caller.
    const teams = (user: string, text: string) => ({
      ...activity(user),
      channelId: 'msteams',
      conversation: { id: `attack-teams-${user}`, conversationType: 'personal', tenantId: 'attack' },
      from: { id: user, aadObjectId: '11111111-aaaa-4bbb-8ccc-000000000001', name: 'Projectleider' },
      channelData: { email: 'projectleider@example.org', tenant: { id: 'attack' } },
      text,
    });
    await run('claimed identities in Teams messages (digest, safeguarding contact)', () =>
      batches(100, 10, async (i) => {
        const r = await rawRequest(url, { path: '/api/messages', headers: json, body: JSON.stringify(teams(`29:intruder-${i}`, i % 2 ? 'digest nu demo' : 'veiligheid aanmelden demo')) });
        const granted = r.text.includes('application/vnd.microsoft.card.adaptive') || /aangemeld|registered/i.test(r.text);
        return granted ? 596 : r.status;
      }),
    );
    await run('crafted user and channel ids (separators, lookalikes)', () =>
      batches(200, 20, async (i) => {
        const ids = [`a\nb-${i}`, `x:${i}\n31612345678`, `${'\u0000'.repeat(3)}${i}`, `../../p/${i}`];
        const channel = ['emulator', 'whatsapp:+316', 'emulator\nx', 'Emulator'][i % 4];
        return (await rawRequest(url, { path: '/api/messages', headers: json, body: JSON.stringify({ ...activity(ids[i % 4]), channelId: channel }) })).status;
      }),
    );
    await run('forged and unsigned WhatsApp webhooks', () =>
      batches(200, 20, async (i) => {
        const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1065' }, messages: [{ from: '31600000000', id: `wamid.attack${i}`, timestamp: '1700000000', type: 'text', text: { body: MARKER } }] } }] }] });
        const signature = i % 2 ? signatureFor('not-the-app-secret', body) : undefined;
        return (await rawRequest(url, { path: '/api/whatsapp', headers: signature ? { 'content-type': 'application/json', 'x-hub-signature-256': signature } : { 'content-type': 'application/json' }, body })).status;
      }),
    );
    await run('one activity redelivered 50 times', () =>
      batches(50, 10, async () => (await rawRequest(url, { path: '/api/messages', headers: json, body: JSON.stringify({ ...activity('redelivered'), id: 'same-activity-id' }) })).status),
    );

    const health = await fetch(`${url}/healthz`);
    const alive = health.status === 200 && child.exitCode === null;
    const rss = peakRssMb(child.pid!);
    const serverErrors = outcomes.flatMap((o) => Object.entries(o.statuses).filter(([s]) => Number(s) >= 500 || Number(s) === 0).map(([s, n]) => `${o.name}: ${n} x ${s}`));
    const leaked = logs.filter((l) => l.includes(MARKER)).length;
    const report = { alive, peakRssMb: Math.round(rss), serverErrors, logLines: logs.length, logLinesWithMarker: leaked, attacks: outcomes };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = alive && serverErrors.length === 0 && rss < RSS_LIMIT_MB && leaked === 0 ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
  }
}

void main();
