import { connect, ConnectionStatus, type Client } from './support/client';
import { fetchToken, newUserId, startDirectLineHarness, type DirectLineHarness } from './support/directLineHarness';

const isMessage = (text: string) => (a: { type?: string; text?: string }) => a.type === 'message' && a.text === text;

interface AjaxFailure {
  status: number;
  xhr: { getResponseHeader(name: string): string | null };
}

describe('local Direct Line limits and errors', () => {
  let h: DirectLineHarness;
  const clients: Client[] = [];
  const open = (...args: Parameters<typeof connect>) => {
    const c = connect(...args);
    clients.push(c);
    return c;
  };
  const start = async (env: Record<string, string>) => {
    h = await startDirectLineHarness(env);
    const userId = newUserId();
    const { body } = await fetchToken(h.url, userId);
    return { userId, token: String(body.token), conversationId: String(body.conversationId) };
  };

  afterEach(async () => {
    jest.restoreAllMocks();
    for (const c of clients.splice(0)) c.end();
    await h.close();
  });

  it('refuses an activity over the size limit with 413 and keeps the conversation usable', async () => {
    const { userId, token } = await start({ DIRECTLINE_MAX_ACTIVITY_BYTES: '2048' });
    const c = open({ token, domain: h.domain, userId });
    const failure = (await c.post({ type: 'message', text: 'x'.repeat(3000) }).catch((e: AjaxFailure) => e)) as AjaxFailure;
    expect(failure.status).toBe(413);
    expect(c.dl.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);
    await c.post({ type: 'message', text: 'kort' });
    await c.next(isMessage('echo kort #1'), 'the reply to a normal message');
    expect(c.texts()).not.toContain('x'.repeat(3000));
  });

  it('answers 429 with Retry-After past the per-minute limit, says so in the chat, and lets the client go on after the window', async () => {
    const { userId, token, conversationId } = await start({ DIRECTLINE_ACTIVITIES_PER_MINUTE: '3' });
    const c = open({ token, domain: h.domain, userId });
    for (const text of ['a', 'b', 'c']) await c.post({ type: 'message', text });
    await c.next(isMessage('echo c #3'), 'the third reply');

    // directlinejs 0.15.5 turns a 429 into a failed post (its Retry-After wait relies on an RxJS
    // operator it never imports), so the refusal is visible as "no id" rather than as a status.
    const before = c.activities.length;
    const outcome = await c.post({ type: 'message', text: 'd' }).then(
      (id) => ({ id }),
      (e: AjaxFailure) => ({ status: e.status }),
    );
    expect(outcome).not.toEqual({ id: expect.stringContaining(conversationId) });
    const slowDown = await c.next((a) => a.type === 'message' && a.from.id !== userId, 'the slow-down message', before);
    expect((slowDown as { text?: string }).text).toMatch(/rustig/i);
    expect(c.texts()).not.toContain('d');

    const raw = await fetch(`${h.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'e', from: { id: userId } }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(c.dl.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);

    h.clock.advance(61_000);
    await c.post({ type: 'message', text: 'f' });
    await c.next(isMessage('echo f #4'), 'the reply after the window');
    expect(c.texts().filter((t) => /rustig/i.test(t))).toHaveLength(1);
  });

  it('answers 502 when the bot fails, and the next message works', async () => {
    const { userId, token, conversationId } = await start({});
    // CloudAdapter.process prints the failed turn itself; that output is expected here.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const post = (text: string) =>
      fetch(`${h.domain}/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, from: { id: userId } }),
      });
    expect((await post('boom')).status).toBe(502);
    expect((await post('weer goed')).status).toBe(200);
  });

  it.each([
    ['a body that is not JSON', 'text/plain', 'hallo'],
    ['broken JSON', 'application/json', '{"type":'],
    ['an activity without a type', 'application/json', JSON.stringify({ text: 'hoi' })],
    ['an invoke', 'application/json', JSON.stringify({ type: 'invoke', name: 'x' })],
    ['text that is not a string', 'application/json', JSON.stringify({ type: 'message', text: 42 })],
  ])('refuses %s with 400', async (_what, contentType, body) => {
    const { token, conversationId } = await start({});
    const res = await fetch(`${h.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
      body,
    });
    expect(res.status).toBe(400);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a token that is not ours', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl'],
    ['garbage', 'Bearer ???'],
  ])('refuses %s with 403', async (_what, authorization) => {
    const { conversationId } = await start({});
    const res = await fetch(`${h.domain}/conversations/${conversationId}/activities`, { headers: authorization ? { Authorization: authorization } : {} });
    expect(res.status).toBe(403);
  });

  it('refuses a user id of the wrong shape at the token endpoint with 400', async () => {
    await start({});
    for (const userId of ['', 'user1', 'dl_short', 'dl_<script>alert(1)</script>xx', `dl_${'a'.repeat(80)}`]) {
      expect((await fetchToken(h.url, userId)).status).toBe(400);
    }
  });

  it('refuses a new conversation with 429 and Retry-After when full, and makes room by evicting the idlest quiet one', async () => {
    await start({ DIRECTLINE_MAX_CONVERSATIONS: '2' });
    expect((await fetchToken(h.url, newUserId())).status).toBe(200);
    const full = await fetchToken(h.url, newUserId());
    expect(full.status).toBe(429);
    expect(Number(full.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    h.clock.advance(61_000);
    expect((await fetchToken(h.url, newUserId())).status).toBe(200);
  });

  it('still reaches the bot in-process when the main adapter authenticates (MicrosoftAppId set)', async () => {
    const { userId, token } = await start({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used-offline' });
    const c = open({ token, domain: h.domain, userId });
    await c.post({ type: 'message', text: 'hoi' });
    await c.next(isMessage('echo hoi #1'), 'the reply');
  });

  it('delivers the page’s join event to the bot and keeps its reply in the conversation', async () => {
    const { userId, token } = await start({});
    const c = open({ token, domain: h.domain, userId });
    await c.post({ type: 'event', name: 'webchat/join', value: { code: 'K7PX4M', lang: 'en' } } as never);
    await c.next(isMessage('joined K7PX4M en'), 'the join acknowledgement');
    expect(c.texts().indexOf(`welcome ${userId}`)).toBeLessThan(c.texts().indexOf('joined K7PX4M en'));
  });

  it('forgets what the participant wrote once the bot says their data is erased, and keeps only the replies to that', async () => {
    const { userId, token, conversationId } = await start({});
    const c = open({ token, domain: h.domain, userId });
    await c.post({ type: 'message', text: 'mijn geheim' });
    await c.next(isMessage('echo mijn geheim #1'), 'the echo');
    await c.post({ type: 'message', text: 'erase me' });
    await c.next((a) => a.type === 'event' && (a as { name?: string }).name === 'hoormij/erased', 'the erased event');
    const res = await fetch(`${h.domain}/conversations/${conversationId}/activities?watermark=`, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { activities: { type: string; text?: string; name?: string }[] };
    expect(body.activities.map((a) => a.text ?? a.name)).toEqual(['erased', 'hoormij/erased']);
  });
});
