import { join } from 'node:path';
import type { RunningApp } from '../../bot/app';
import type { Store } from '../../storage/port';
import { gzipSync } from 'node:zlib';
import { rawRequest, rawUpgrade, withNestedField } from '../../bench/rawHttp';
import { emulatorUser, postRaw, ROOT, startTestApp, tempDataDir } from '../helpers/botHttp';
import { openSqliteStore } from '../../storage/sqlite';
import { pseudonymize } from '../../core/pseudonym';

/** Small deterministic PRNG so a failing fuzz case can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const base = () => ({
  type: 'message',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9',
  deliveryMode: 'expectReplies',
  conversation: { id: 'fuzz-conv' },
  from: { id: 'fuzz-user' },
  recipient: { id: 'hoormij' },
  locale: 'nl-NL',
  text: 'hallo',
});

const weird: unknown[] = [undefined, null, 0, 7, -1, true, '', ' ', 'x'.repeat(5000), [], {}, [1, 2], { id: 3 }, 'nl-NL', '🙂', '\u0000'];
const fields = ['type', 'text', 'value', 'channelId', 'conversation', 'from', 'locale', 'attachments', 'membersAdded', 'serviceUrl', 'name', 'entities', 'channelData', 'deliveryMode'];
const types = ['message', 'conversationUpdate', 'typing', 'event', 'invoke', 'messageReaction', 'endOfConversation', 'installationUpdate', 'unknownType'];

describe('robustness of /api/messages', () => {
  let app: RunningApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    app = await startTestApp({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['bad JSON', '{"type": "message",', 'application/json'],
    ['a JSON array', '[]', 'application/json'],
    ['a JSON string', '"hello"', 'application/json'],
    ['no content type', '{"type":"message"}', 'text/plain'],
    ['a missing type', JSON.stringify({ ...base(), type: undefined }), 'application/json'],
    ['a missing conversation id', JSON.stringify({ ...base(), conversation: {} }), 'application/json'],
    ['a numeric from.id', JSON.stringify({ ...base(), from: { id: 12 } }), 'application/json'],
    ['text of the wrong type', JSON.stringify({ ...base(), text: ['a'] }), 'application/json'],
  ])('answers %s with a clean 400', async (_name, body, type) => {
    const r = await postRaw(app.url, body, type);
    expect(r.status).toBe(400);
  });

  it('refuses a serviceUrl outside loopback with 403 when no MicrosoftAppId is set', async () => {
    const r = await postRaw(app.url, JSON.stringify({ ...base(), serviceUrl: 'https://smba.trafficmanager.net/emea/', deliveryMode: undefined }));
    expect(r.status).toBe(403);
  });

  it.each([
    ['typing', { type: 'typing', text: undefined }],
    ['an attachment without text', { text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/x.png' }] }],
    ['a card submit without text', { text: undefined, value: { choice: '4' } }],
    ['empty text', { text: '' }],
    ['an unknown command', { text: '/doe-iets-raars' }],
    ['100 KB of text', { text: 'lang verhaal '.repeat(8000) }],
    ['a conversationUpdate', { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'fuzz-user' }] }],
  ])('handles %s without an error', async (_name, extra) => {
    const r = await postRaw(app.url, JSON.stringify({ ...base(), from: { id: `kind-${_name}` }, conversation: { id: `kind-${_name}` }, ...extra }));
    expect(r.status).toBe(200);
  });

  it('survives a few hundred fuzzed activities without a 5xx and keeps earlier answers', async () => {
    const user = emulatorUser(app.url, 'steady-user');
    for (const text of ['hallo', 'ja', 'jongere', '4', '5']) expect((await user.send(text)).status).toBe(200);

    const rand = prng(20261122);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const activity: Record<string, unknown> = { ...base(), type: pick(types), from: { id: `fuzz-${i % 7}` }, conversation: { id: `fuzz-c-${i % 5}` } };
      const mutations = 1 + Math.floor(rand() * 3);
      for (let m = 0; m < mutations; m++) {
        const f = pick(fields);
        if (rand() < 0.2) delete activity[f];
        else activity[f] = pick(weird);
      }
      const r = await postRaw(app.url, JSON.stringify(activity));
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status).toBeLessThan(500);
    }
    expect(statuses.get(200) ?? 0).toBeGreaterThan(20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(20);

    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await user.send('3')).status).toBe(200);

    const store: Store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
    try {
      const steady = pseudonymize(app.app.secrets.pseudonymSecret, 'emulator', 'steady-user');
      const rows = (await store.listResponsesOfParticipant(steady)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      expect(rows.map((r) => r.score)).toEqual([4, 5, 3]);
    } finally {
      await store.close();
    }
  });

  it('survives fuzzed content encodings, nesting depths and upgrades without a 5xx, and keeps earlier answers', async () => {
    const user = emulatorUser(app.url, 'steady-edge');
    for (const text of ['hallo', 'ja', 'jongere', '2']) expect((await user.send(text)).status).toBe(200);

    const rand = prng(20261204);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const encodings = ['gzip', 'deflate', 'br', 'compress', 'identity', 'GZIP', 'gzip, gzip', ''];
    const fieldsToNest = ['conversation', 'from', 'recipient', 'channelData', 'value', 'entities'];
    const paths = ['/api/messages', '/api/whatsapp', '/api/directline/token', '/v3/directline/conversations', '/healthz', '/'];
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    for (let i = 0; i < 150; i++) {
      const id = `edge-${i % 9}`;
      const depth = pick([1, 5, 20, 31, 33, 100, 2000]);
      const text = withNestedField({ ...base(), from: { id }, conversation: { id } }, pick(fieldsToNest), depth);
      const encoding = pick(encodings);
      const compressed = rand() < 0.5;
      const body = compressed ? gzipSync(text) : Buffer.from(text);
      const r = await rawRequest(app.url, { path: pick(paths), method: 'POST', headers: { 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}) }, body });
      count(r.status);
      // The case number makes a failure replayable with the same seed.
      expect([i, r.status < 500]).toEqual([i, true]);
      if (i % 10 === 0) {
        const up = await rawUpgrade(app.url, pick(paths));
        expect(up.closed).toBe(true);
      }
    }
    expect(statuses.get(415) ?? 0).toBeGreaterThan(10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(10);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await user.send('4')).status).toBe(200);

    const store: Store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
    try {
      const steady = pseudonymize(app.app.secrets.pseudonymSecret, 'emulator', 'steady-edge');
      const rows = (await store.listResponsesOfParticipant(steady)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      expect(rows.map((r) => r.score)).toEqual([2, 4]);
    } finally {
      await store.close();
    }
  });

  it('uses the real config folder', () => {
    expect(app.app.config.configDir).toBe(join(ROOT, 'config'));
  });
});
