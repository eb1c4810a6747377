import { connect, ConnectionStatus, type Client } from './support/client';
import { fetchToken, newUserId, startDirectLineHarness, type DirectLineHarness } from './support/directLineHarness';

const isMessage = (text: string) => (a: { type?: string; text?: string }) => a.type === 'message' && a.text === text;

describe('local Direct Line with the real botframework-directlinejs client', () => {
  let h: DirectLineHarness;
  const clients: Client[] = [];
  const open = (...args: Parameters<typeof connect>) => {
    const c = connect(...args);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    h = await startDirectLineHarness({ DIRECTLINE_TOKEN_TTL_SECONDS: '60', DIRECTLINE_IDLE_MINUTES: '5' });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.end();
    await h.close();
  });

  it.each([
    ['polling', false],
    ['WebSocket', true],
  ])('welcomes the user, echoes their message and delivers the reply (%s)', async (_mode, webSocket) => {
    const userId = newUserId();
    const { body } = await fetchToken(h.url, userId);
    const c = open({ token: String(body.token), domain: h.domain, webSocket, userId });

    await c.next(isMessage(`welcome ${userId}`), 'the welcome');
    const id = await c.post({ type: 'message', text: 'hoi' });
    expect(id).toMatch(new RegExp(`^${String(body.conversationId)}\\|\\d+$`));
    const echo = await c.next((a) => a.id === id, 'the echo of the user message');
    expect(echo.from.id).toBe(userId);
    const reply = await c.next(isMessage('echo hoi #1'), 'the reply');
    expect((reply as { replyToId?: string }).replyToId).toBe(id);
    expect(c.activities.indexOf(echo)).toBeLessThan(c.activities.indexOf(reply));
    expect((reply as { suggestedActions?: { actions: unknown[] } }).suggestedActions?.actions).toHaveLength(1);
    expect(reply.channelId).toBe('directline');
  });

  it('sends typing only over the WebSocket, never in GET activities', async () => {
    const userId = newUserId();
    const { body } = await fetchToken(h.url, userId);
    const ws = open({ token: String(body.token), domain: h.domain, webSocket: true, userId });
    await ws.next(isMessage(`welcome ${userId}`), 'the welcome');
    await ws.post({ type: 'message', text: 'hoi' });
    await ws.next(isMessage('echo hoi #1'), 'the reply');
    expect(ws.activities.some((a) => a.type === 'typing')).toBe(true);

    const res = await fetch(`${h.domain}/conversations/${String(body.conversationId)}/activities?watermark=`, {
      headers: { Authorization: `Bearer ${String(body.token)}` },
    });
    const set = (await res.json()) as { activities: { type: string }[]; watermark: string };
    expect(set.activities.map((a) => a.type)).toEqual(['message', 'message', 'message']);
    expect(set.watermark).toBe('3');
  });

  it('returns the current watermark even when there is nothing new', async () => {
    const userId = newUserId();
    const { body } = await fetchToken(h.url, userId);
    const c = open({ token: String(body.token), domain: h.domain, webSocket: false, userId });
    await c.next(isMessage(`welcome ${userId}`), 'the welcome');
    const res = await fetch(`${h.domain}/conversations/${String(body.conversationId)}/activities?watermark=1`, {
      headers: { Authorization: `Bearer ${String(body.token)}` },
    });
    expect(await res.json()).toEqual({ activities: [], watermark: '1' });
  });

  it('answers 201 when a conversation starts and 200 when the token’s conversation already exists', async () => {
    const { body } = await fetchToken(h.url, newUserId());
    const start = () => fetch(`${h.domain}/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${String(body.token)}` } });
    const first = await start();
    expect(first.status).toBe(201);
    const started = (await first.json()) as Record<string, unknown>;
    expect(started.conversationId).toBe(body.conversationId);
    expect(String(started.streamUrl)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[^/]+\/stream\?t=/);
    expect((await start()).status).toBe(200);
  });

  it.each([
    ['polling', false],
    ['WebSocket', true],
  ])('resumes a conversation after a reload and replays its history (%s)', async (_mode, webSocket) => {
    const userId = newUserId();
    const { body } = await fetchToken(h.url, userId);
    const first = open({ token: String(body.token), domain: h.domain, webSocket: false, userId });
    await first.post({ type: 'message', text: 'een' });
    await first.next(isMessage('echo een #1'), 'the first reply');
    first.end();

    const again = await fetchToken(h.url, userId, String(body.conversationId));
    expect(again.body.conversationId).toBe(body.conversationId);
    const reloaded = open({ token: String(again.body.token), conversationId: String(body.conversationId), domain: h.domain, webSocket, userId });
    await reloaded.next(isMessage('echo een #1'), 'the replayed reply');
    expect(reloaded.texts().slice(0, 3)).toEqual([`welcome ${userId}`, 'een', 'echo een #1']);
    await reloaded.post({ type: 'message', text: 'twee' });
    await reloaded.next(isMessage('echo twee #2'), 'the reply after the reload');
  });

  it('lets the page recover a tab whose token expired: 403, a new token for the same conversation, reconnect', async () => {
    const userId = newUserId();
    const { body } = await fetchToken(h.url, userId);
    const conversationId = String(body.conversationId);
    const c = open({ token: String(body.token), domain: h.domain, webSocket: false, userId });
    await c.next(isMessage(`welcome ${userId}`), 'the welcome');

    h.clock.advance(61_000);
    await c.waitStatus(ConnectionStatus.ExpiredToken);

    // What the page does on ExpiredToken.
    const fresh = await fetchToken(h.url, userId, conversationId);
    expect(fresh.body.conversationId).toBe(conversationId);
    c.dl.reconnect({ conversationId, token: String(fresh.body.token) });
    await c.waitStatus(ConnectionStatus.Online);
    await c.post({ type: 'message', text: 'nog steeds hier' });
    await c.next(isMessage('echo nog steeds hier #1'), 'the reply after the refresh');
  });

  it('refreshes a valid token at tokens/refresh and refuses an expired one with 403', async () => {
    const { body } = await fetchToken(h.url, newUserId());
    const refresh = (token: string) => fetch(`${h.domain}/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });

    h.clock.advance(30_000);
    const ok = await refresh(String(body.token));
    expect(ok.status).toBe(200);
    const refreshed = (await ok.json()) as Record<string, unknown>;
    expect(refreshed).toEqual({ conversationId: body.conversationId, token: expect.any(String), expires_in: 60 });
    expect(refreshed.token).not.toBe(body.token);

    h.clock.advance(31_000);
    expect((await refresh(String(body.token))).status).toBe(403);
    const stillValid = await fetch(`${h.domain}/conversations/${String(body.conversationId)}/activities`, {
      headers: { Authorization: `Bearer ${String(refreshed.token)}` },
    });
    expect(stillValid.status).toBe(200);
  });

  it('refuses with 403 a token used on another conversation, and the client does not get its activities', async () => {
    const alice = newUserId();
    const a = await fetchToken(h.url, alice);
    const ac = open({ token: String(a.body.token), domain: h.domain, webSocket: false, userId: alice });
    await ac.post({ type: 'message', text: 'geheim' });
    await ac.next(isMessage('echo geheim #1'), 'alice’s reply');

    const bob = newUserId();
    const b = await fetchToken(h.url, bob);
    const res = await fetch(`${h.domain}/conversations/${String(a.body.conversationId)}/activities`, {
      headers: { Authorization: `Bearer ${String(b.body.token)}` },
    });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).not.toContain('geheim');

    const post = await fetch(`${h.domain}/conversations/${String(a.body.conversationId)}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${String(b.body.token)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'inbraak', from: { id: bob } }),
    });
    expect(post.status).toBe(403);

    const bc = open({ token: String(b.body.token), conversationId: String(a.body.conversationId), domain: h.domain, webSocket: false, userId: bob });
    await bc.waitStatus(ConnectionStatus.FailedToConnect);
    expect(bc.texts()).toEqual([]);

    // Asking the token endpoint for someone else's conversation gives a new one instead.
    const hijack = await fetchToken(h.url, bob, String(a.body.conversationId));
    expect(hijack.body.conversationId).not.toBe(a.body.conversationId);
  });

  it('refuses a stream URL with a bad token before the WebSocket opens', async () => {
    const { body } = await fetchToken(h.url, newUserId());
    const wsUrl = `${h.url.replace('http', 'ws')}/v3/directline/conversations/${String(body.conversationId)}/stream?t=${String(body.token)}`;
    const { WebSocket } = await import('ws');
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(wsUrl);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('drops a conversation idle past the limit: 404 ends the client, and the same user continues in a new one', async () => {
    await h.close();
    h = await startDirectLineHarness({ DIRECTLINE_TOKEN_TTL_SECONDS: '3600', DIRECTLINE_IDLE_MINUTES: '5' });
    const userId = newUserId();
    const { body } = await fetchToken(h.url, userId);
    const c = open({ token: String(body.token), domain: h.domain, webSocket: false, userId });
    await c.post({ type: 'message', text: 'een' });
    await c.next(isMessage('echo een #1'), 'the first reply');

    h.clock.advance(5 * 60_000 + 1_000);
    await c.waitStatus(ConnectionStatus.Ended);
    const gone = await fetch(`${h.domain}/conversations/${String(body.conversationId)}/activities`, {
      headers: { Authorization: `Bearer ${String(body.token)}` },
    });
    expect(gone.status).toBe(404);

    const again = await fetchToken(h.url, userId, String(body.conversationId));
    expect(again.body.conversationId).not.toBe(body.conversationId);
    // The bot's state is keyed by the user, not the conversation: the count goes on.
    const next = open({ token: String(again.body.token), domain: h.domain, webSocket: false, userId });
    await next.post({ type: 'message', text: 'twee' });
    await next.next(isMessage('echo twee #2'), 'the reply in the new conversation');
  });
});
