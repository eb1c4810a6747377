import { gzipSync, deflateSync } from 'node:zlib';
import type { RunningApp } from '../../bot/app';
import { emulatorUser, startTestApp } from '../helpers/botHttp';
import { rawRequest, rawUpgrade, withNestedField } from '../../bench/rawHttp';

const activity = (extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9',
  deliveryMode: 'expectReplies',
  conversation: { id: 'door-c' },
  from: { id: 'door-u' },
  recipient: { id: 'hoormij' },
  locale: 'nl-NL',
  text: 'hallo',
  ...extra,
});

/** Routes with a body, before authentication, signature or token checks. */
const ROUTES = ['/api/messages', '/api/whatsapp', '/api/directline/token', '/v3/directline/conversations', '/v3/directline/tokens/refresh'];

describe('the HTTP door: every body is read once, bounded, before any route', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startTestApp({
      WHATSAPP_APP_SECRET: 'door-app-secret-0123456789',
      WHATSAPP_VERIFY_TOKEN: 'door-verify',
      WHATSAPP_TOKEN: 'door-token',
      WHATSAPP_PHONE_NUMBER_ID: '1065',
      WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const alive = async () => expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

  it.each(ROUTES)('refuses a body that claims gzip but is not gzip on %s with 415, and lives on', async (path) => {
    const r = await rawRequest(app.url, { path, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'this is not gzip at all' });
    expect(r.status).toBe(415);
    await alive();
  });

  it('answers an unknown route 404 without reading its body (broken gzip included)', async () => {
    const r = await rawRequest(app.url, { path: '/no-such-route', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'not gzip' });
    expect(r.status).toBe(404);
    await alive();
  });

  it.each(['gzip', 'deflate', 'br', 'x-gzip', 'gzip, identity'])('refuses Content-Encoding %s instead of inflating it', async (encoding) => {
    // 50 MiB of zeros compress to about 50 KB: counted on the wire, this passed a 1 MB limit.
    const bomb = encoding === 'deflate' ? deflateSync(Buffer.alloc(50 * 1024 * 1024)) : gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const before = process.memoryUsage().rss;
    const r = await rawRequest(app.url, { path: '/api/messages', headers: { 'content-type': 'application/json', 'content-encoding': encoding }, body: bomb });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.text)).toMatchObject({ error: { code: 'UnsupportedEncoding' } });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    await alive();
  });

  it('refuses a GET with a broken gzip body too', async () => {
    const r = await rawRequest(app.url, { method: 'GET', path: '/healthz', headers: { 'content-encoding': 'gzip', 'content-length': '5' }, body: 'nogzp' });
    expect(r.status).toBe(415);
    await alive();
  });

  it('accepts Content-Encoding identity (nothing to decode)', async () => {
    const r = await rawRequest(app.url, { path: '/api/messages', headers: { 'content-type': 'application/json', 'content-encoding': 'identity' }, body: JSON.stringify(activity({ from: { id: 'identity-u' } })) });
    expect(r.status).toBe(200);
  });

  it('refuses a body over 1 MB with 413, whether it says its length or streams it in chunks', async () => {
    const big = JSON.stringify(activity({ text: 'x'.repeat(1_100_000) }));
    const declared = await rawRequest(app.url, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    const chunk = 'x'.repeat(64 * 1024);
    const chunked = await rawRequest(app.url, { path: '/api/messages', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks: Array.from({ length: 20 }, () => chunk) });
    expect(chunked.status).toBe(413);
    await alive();
  });

  it('refuses deep nesting in conversation, from or recipient with 400 before the turn runs', async () => {
    const run = jest.spyOn(app.runtime.bot, 'run');
    try {
      for (const field of ['conversation', 'from', 'recipient', 'channelData', 'value']) {
        const r = await rawRequest(app.url, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: withNestedField(activity({ from: { id: 'deep' } }), field, 5000) });
        expect([field, r.status]).toEqual([field, 400]);
        expect(JSON.parse(r.text)).toMatchObject({ error: { code: 'TooDeep' } });
      }
      expect(run).not.toHaveBeenCalled();
    } finally {
      run.mockRestore();
    }
    // The same user, talking normally afterwards, starts at the beginning: nothing ran for it.
    const r = await emulatorUser(app.url, 'deep').send('hallo');
    expect(r.status).toBe(200);
  });

  it('keeps nesting that real channels send (a dozen levels) working', async () => {
    const r = await rawRequest(app.url, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: withNestedField(activity({ from: { id: 'nest-ok' } }), 'channelData', 12) });
    expect(r.status).toBe(200);
  });

  it('answers invalid JSON with 400 without quoting the body back', async () => {
    const r = await rawRequest(app.url, { path: '/api/messages', headers: { 'content-type': 'application/json' }, body: '{"type":"message","text":"SECRET-MARKER-IN-BODY' });
    expect(r.status).toBe(400);
    expect(r.text).not.toContain('SECRET-MARKER');
  });

  it.each(['/', '/api/messages', '/v3/directline/conversations/abc/other', '/v3/directline/conversations/aaaaaaaaaa/stream'])(
    'closes an Upgrade request on %s at once instead of leaving the socket open',
    async (path) => {
      const r = await rawUpgrade(app.url, path);
      expect(r.closed).toBe(true);
      expect(r.statusLine).toMatch(/^HTTP\/1\.1 (400|403|404)/);
    },
  );
});
