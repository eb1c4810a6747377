import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchToken, newUserId, startDirectLineHarness, type DirectLineHarness } from './support/directLineHarness';

const SECRET = 'azure-direct-line-secret-never-in-the-browser';

/** Azure's tokens/generate as documented (payloads/directline_token_*), on loopback. */
function fakeAzureDirectLine(): Promise<{ server: Server; url: string; requests: { auth?: string; body: unknown }[]; status: { code: number } }> {
  const requests: { auth?: string; body: unknown }[] = [];
  const status = { code: 200 };
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ auth: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined });
      if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate' || req.headers.authorization !== `Bearer ${SECRET}`) {
        res.statusCode = 403;
        res.end();
        return;
      }
      if (status.code !== 200) {
        res.statusCode = status.code;
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ conversationId: 'abc123', token: 'RCurR_XV9ZA.cwA.BKA.iaJrC8xpy8qbOF5xnR2vtCX7CZj0', expires_in: 1800 }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, status })),
  );
}

describe('POST /api/directline/token with DIRECT_LINE_SECRET (Azure mode)', () => {
  let azure: Awaited<ReturnType<typeof fakeAzureDirectLine>>;
  let h: DirectLineHarness;

  beforeEach(async () => {
    azure = await fakeAzureDirectLine();
    h = await startDirectLineHarness({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: azure.url });
  });
  afterEach(async () => {
    await h.close();
    await new Promise((r) => azure.server.close(r));
  });

  it('exchanges the secret for a token bound to the user and tells the page to use Azure’s domain', async () => {
    const userId = newUserId();
    const res = await fetchToken(h.url, userId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      conversationId: 'abc123',
      token: 'RCurR_XV9ZA.cwA.BKA.iaJrC8xpy8qbOF5xnR2vtCX7CZj0',
      expires_in: 1800,
      domain: `${azure.url}/v3/directline`,
    });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    expect(azure.requests).toEqual([{ auth: `Bearer ${SECRET}`, body: { user: { id: userId } } }]);
  });

  it('answers 502 without the secret when Azure refuses', async () => {
    azure.status.code = 500;
    const res = await fetchToken(h.url, newUserId());
    expect(res.status).toBe(502);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  it('validates the user id before anything goes to Azure', async () => {
    expect((await fetchToken(h.url, 'not-a-dl-id')).status).toBe(400);
    expect(azure.requests).toEqual([]);
  });

  it('forwards at most the per-address token limit to Azure: a flood gets 429 here, not hundreds of calls there', async () => {
    for (let i = 0; i < 30; i++) expect((await fetchToken(h.url, newUserId())).status).toBe(200);
    const refused = await fetchToken(h.url, newUserId());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(azure.requests).toHaveLength(30);
  });
});
