import { WebSocket } from 'ws';
import { nestedJson } from '../../../bench/rawHttp';
import { fetchToken, newUserId, startDirectLineHarness, type DirectLineHarness } from './support/directLineHarness';

/** The token endpoint as a client at `address` behind a proxy that sets X-Forwarded-For. */
async function tokenFrom(url: string, address: string | undefined, userId = newUserId(), conversationId?: string) {
  const res = await fetch(`${url}/api/directline/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(address ? { 'X-Forwarded-For': `198.51.100.200, ${address}` } : {}) },
    body: JSON.stringify(conversationId ? { userId, conversationId } : { userId }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { token?: string; conversationId?: string } };
}

describe('local Direct Line under a flood', () => {
  let h: DirectLineHarness;
  afterEach(async () => {
    await h.close();
  });

  const post = (token: string, conversationId: string, text: string) =>
    fetch(`${h.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text }),
    });
  const activities = (token: string, conversationId: string) => fetch(`${h.domain}/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });

  it('limits tokens per client address, counts each proxied client apart, and lets them in again after the minute', async () => {
    h = await startDirectLineHarness({ DIRECTLINE_TOKENS_PER_MINUTE: '5', TRUSTED_PROXY_HEADER: 'x-forwarded-for' });
    for (let i = 0; i < 5; i++) expect((await tokenFrom(h.url, '203.0.113.7')).status).toBe(200);
    const refused = await tokenFrom(h.url, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    // Another young person behind the same proxy is not held up.
    expect((await tokenFrom(h.url, '203.0.113.8')).status).toBe(200);
    // IPv6 addresses of one /64 are one client.
    for (let i = 0; i < 5; i++) expect((await tokenFrom(h.url, `2001:db8:1:2::${i + 1}`)).status).toBe(200);
    expect((await tokenFrom(h.url, '2001:db8:1:2::99')).status).toBe(429);
    h.clock.advance(61_000);
    expect((await tokenFrom(h.url, '203.0.113.7')).status).toBe(200);
  });

  it('ignores a forwarding header nobody configured: a client cannot pick a new address per request', async () => {
    h = await startDirectLineHarness({ DIRECTLINE_TOKENS_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) expect((await tokenFrom(h.url, `192.0.2.${i}`)).status).toBe(200);
    expect((await tokenFrom(h.url, '192.0.2.77')).status).toBe(429);
  });

  it('keeps room for a new visitor when a flood of tokens fills every conversation slot, and keeps visitors who are chatting', async () => {
    h = await startDirectLineHarness({ DIRECTLINE_MAX_CONVERSATIONS: '10', DIRECTLINE_TOKENS_PER_MINUTE: '1000' });
    const chatting = await fetchToken(h.url, newUserId());
    const chatToken = String(chatting.body.token);
    const chatId = String(chatting.body.conversationId);
    expect((await post(chatToken, chatId, 'hallo')).status).toBe(200);

    for (let i = 0; i < 100; i++) expect((await tokenFrom(h.url, undefined)).status).toBe(200);

    const newcomer = await tokenFrom(h.url, undefined);
    expect(newcomer.status).toBe(200);
    expect((await post(String(newcomer.body.token), String(newcomer.body.conversationId), 'ik ben er')).status).toBe(200);
    expect((await activities(chatToken, chatId)).status).toBe(200);
    expect((await post(chatToken, chatId, 'nog steeds hier')).status).toBe(200);
  });

  it('bounds the memory of stored activities: the longest-idle conversation goes first, its visitor gets a fresh one', async () => {
    h = await startDirectLineHarness({ DIRECTLINE_MAX_MEMORY_MB: '1', DIRECTLINE_MAX_ACTIVITY_BYTES: '40000', DIRECTLINE_ACTIVITIES_PER_MINUTE: '1000' });
    const text = 'x'.repeat(30_000);
    const open = async () => {
      const userId = newUserId();
      const t = await fetchToken(h.url, userId);
      return { userId, token: String(t.body.token), id: String(t.body.conversationId) };
    };
    const oldest = await open();
    expect((await post(oldest.token, oldest.id, text)).status).toBe(200);
    h.clock.advance(1000);
    const others = [];
    for (let i = 0; i < 4; i++) {
      const c = await open();
      for (let j = 0; j < 8; j++) expect((await post(c.token, c.id, text)).status).toBe(200);
      others.push(c);
      h.clock.advance(1000);
    }
    // 33 activities of 30 KB, echoed back by the bot: far more than 1 MB was posted.
    expect((await activities(oldest.token, oldest.id)).status).toBe(404);
    let kept = 0;
    for (const c of others) {
      const r = await activities(c.token, c.id);
      if (r.status === 200) kept += Buffer.byteLength(JSON.stringify(((await r.json()) as { activities: unknown[] }).activities));
    }
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(1024 * 1024);
    // The newest conversation is the one most recently active: it stays.
    expect((await activities(others[3].token, others[3].id)).status).toBe(200);

    // Reloading the page asks for the old conversation and gets a fresh one for the same user.
    const again = await fetchToken(h.url, oldest.userId, oldest.id);
    expect(again.status).toBe(200);
    expect(again.body.conversationId).not.toBe(oldest.id);
  });

  it('refuses deeply nested channelData at the door, and the stream replays the transcript afterwards', async () => {
    h = await startDirectLineHarness({});
    const t = await fetchToken(h.url, newUserId());
    const token = String(t.body.token);
    const id = String(t.body.conversationId);
    expect((await post(token, id, 'eerst')).status).toBe(200);
    const deep = await fetch(`${h.domain}/conversations/${id}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: `{"type":"message","text":"diep","channelData":${nestedJson(3000)}}`,
    });
    expect(deep.status).toBe(400);
    const started = (await (await fetch(`${h.domain}/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).json()) as { streamUrl: string };
    const frame = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(started.streamUrl);
      ws.once('message', (data: Buffer) => {
        resolve(data.toString('utf8'));
        ws.close();
      });
      ws.once('error', reject);
    });
    expect(frame).toContain('echo eerst #1');
    expect(frame).not.toContain('diep');
  });
});
