import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AppContext, BotRuntime } from '../../bot/appContext';
import { loadConfig } from '../../bot/config';
import { createHttpServer } from '../../bot/httpServer';
import { createLogger } from '../../bot/logger';
import { ValidatedCloudAdapter } from '../../bot/validatedAdapter';
import { startTestApp } from '../helpers/botHttp';
import { rawRequest } from '../../bench/rawHttp';

const MARKERS = ['BODY-MARKER-7f3a', 'AUTH-MARKER-91cc', 'TOKEN-MARKER-5d2e', 'HEADER-MARKER-0b8d', 'PATH-MARKER-44aa'];

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

/** Everything written to the console during `fn` (botbuilder prints some failures itself). */
async function withConsole(fn: () => Promise<void>): Promise<string[]> {
  const out: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void out.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '))),
  );
  try {
    await fn();
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return out;
}

const headers = {
  'content-type': 'application/json',
  authorization: `Bearer AUTH-MARKER-91cc.eyJhbGciOiJIUzI1NiJ9.TOKEN-MARKER-5d2e`,
  'x-custom': 'HEADER-MARKER-0b8d',
};

describe('no request body, header value or token reaches a log line', () => {
  it('on malformed, refused and unauthenticated requests to the real server, at trace level', async () => {
    const { lines, stream } = capture();
    const app = await startTestApp({ LOG_LEVEL: 'trace' }, { logger: createLogger('trace', stream) });
    const consoleLines = await withConsole(async () => {
      try {
        const activity = (extra: Record<string, unknown>) =>
          JSON.stringify({ type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, from: { id: 'BODY-MARKER-7f3a' }, text: 'BODY-MARKER-7f3a', ...extra });
        const requests: Parameters<typeof rawRequest>[1][] = [
          { path: '/api/messages?t=PATH-MARKER-44aa', headers, body: '{"text":"BODY-MARKER-7f3a"' },
          { path: '/api/messages', headers: { ...headers, 'content-encoding': 'gzip' }, body: 'BODY-MARKER-7f3a' },
          { path: '/api/messages', headers, body: `{"a":"BODY-MARKER-7f3a","b":${'['.repeat(100)}${']'.repeat(100)}}` },
          { path: '/api/messages', headers, body: activity({ serviceUrl: 'https://BODY-MARKER-7f3a.example/' }) },
          { path: '/api/messages', headers, body: activity({ type: 42 }) },
          { path: '/api/messages', headers, body: `${activity({})}${' '.repeat(1_100_000)}` },
          { path: '/api/directline/token', headers, body: '{"userId":"BODY-MARKER-7f3a"}' },
          { path: '/v3/directline/conversations/PATH-MARKER-44aa/activities', headers, body: activity({}) },
          { path: '/v3/directline/tokens/refresh', headers, body: '' },
          { method: 'GET', path: '/no/PATH-MARKER-44aa', headers },
        ];
        for (const r of requests) expect((await rawRequest(app.url, r)).status).toBeLessThan(500);
      } finally {
        await app.close();
      }
    });
    const all = [...lines, ...consoleLines].join('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const m of MARKERS) expect([m, all.includes(m)]).toEqual([m, false]);
  });

  it('on a 500: method, route, status, size and error name, nothing the caller sent', async () => {
    const { lines, stream } = capture();
    const app = { config: loadConfig({ PORT: '0', HOST: '127.0.0.1' }), logger: createLogger('info', stream) } as unknown as AppContext;
    const runtime: BotRuntime = { adapter: new ValidatedCloudAdapter(new ConfigurationBotFrameworkAuthentication({})), bot: new ActivityHandler() };
    const server = createHttpServer(app, runtime);
    server.post('/explodes', async (req) => {
      throw new TypeError(`cannot handle ${JSON.stringify(req.body)} with ${req.headers.authorization}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const consoleLines = await withConsole(async () => {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const r = await rawRequest(url, { path: '/explodes?t=PATH-MARKER-44aa', headers, body: '{"text":"BODY-MARKER-7f3a"}' });
        expect(r.status).toBe(500);
        expect(r.text).not.toContain('BODY-MARKER');
      });
      const all = [...lines, ...consoleLines].join('\n');
      for (const m of MARKERS) expect([m, all.includes(m)]).toEqual([m, false]);
      const entry = JSON.parse(lines.find((l) => l.includes('request failed')) ?? '{}') as Record<string, unknown>;
      expect(entry).toMatchObject({ method: 'POST', route: '/explodes', status: 500, bytes: 27, error: 'TypeError' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
