import type { AddressInfo } from 'node:net';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type * as restify from 'restify';
import type { AppContext, BotRuntime } from '../../bot/appContext';
import { loadConfig } from '../../bot/config';
import { createHttpServer } from '../../bot/httpServer';
import { createLogger } from '../../bot/logger';
import { ValidatedCloudAdapter } from '../../bot/validatedAdapter';
import { BOT_SERVICE_ISSUER, startOpenIdServer, type OpenIdServer } from '../helpers/openIdServer';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

const activity = {
  type: 'message',
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  deliveryMode: 'expectReplies',
  conversation: { id: 'auth-c' },
  from: { id: 'auth-u' },
  recipient: { id: APP_ID },
  text: 'hallo',
};

/** /api/messages with MicrosoftAppId set, validating tokens against a loopback OpenID server (or a closed port). */
async function startSecuredServer(metadataUrl: string): Promise<{ url: string; turns: () => number; close(): Promise<void> }> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' });
  const app = { config, logger: createLogger('silent') } as unknown as AppContext;
  // Every parameterised value given, so nothing falls back to the public cloud's endpoints.
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    ToBotFromChannelTokenIssuer: BOT_SERVICE_ISSUER,
    ToChannelFromBotLoginUrl: 'http://127.0.0.1:9/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'http://127.0.0.1:9/oauth',
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
  });
  let turns = 0;
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    turns++;
    await context.sendActivity('ok');
    await next();
  });
  const runtime: BotRuntime = { adapter: new ValidatedCloudAdapter(auth), bot };
  const server: restify.Server = createHttpServer(app, runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    turns: () => turns,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function post(url: string, authorization?: string) {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
}

describe('authentication outcomes with MicrosoftAppId set', () => {
  let openId: OpenIdServer;

  beforeEach(async () => {
    openId = await startOpenIdServer();
    // botframework-connector prints key trouble with console.error; expected here.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await openId.close();
  });

  it('runs the turn for a token signed with the published key', async () => {
    const server = await startSecuredServer(openId.metadataUrl);
    try {
      const r = await post(server.url, `Bearer ${openId.sign({ aud: APP_ID, serviceUrl: SERVICE_URL })}`);
      expect(r.status).toBe(200);
      expect(server.turns()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['no Authorization header', () => undefined],
    ['a token that is not a JWT', () => 'Bearer not-a-token'],
    ['a token signed with another key', () => `Bearer ${openId.sign({ aud: APP_ID, serviceUrl: SERVICE_URL }, openId.strangerKey)}`],
    ['a token for another bot', () => `Bearer ${openId.sign({ aud: 'another-app', serviceUrl: SERVICE_URL })}`],
    ['an expired token', () => `Bearer ${openId.sign({ aud: APP_ID, serviceUrl: SERVICE_URL, expiresInSeconds: -3600 })}`],
    ['a token for another serviceUrl', () => `Bearer ${openId.sign({ aud: APP_ID, serviceUrl: 'https://elsewhere.example/' })}`],
  ])('answers %s with 401 and runs no turn', async (_name, header) => {
    const server = await startSecuredServer(openId.metadataUrl);
    try {
      const r = await post(server.url, header());
      expect(r.status).toBe(401);
      expect(server.turns()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('answers 503 with Retry-After when the OpenID metadata answers with an error (our outage, not the caller’s fault)', async () => {
    openId.mode = 'failing';
    const server = await startSecuredServer(openId.metadataUrl);
    try {
      const r = await post(server.url, `Bearer ${openId.sign({ aud: APP_ID, serviceUrl: SERVICE_URL })}`);
      expect(r.status).toBe(503);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(server.turns()).toBe(0);
      // Once the metadata is back, the same caller gets through.
      openId.mode = 'up';
      expect((await post(server.url, `Bearer ${openId.sign({ aud: APP_ID, serviceUrl: SERVICE_URL })}`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers 503 with Retry-After when the OpenID metadata cannot be reached at all', async () => {
    const unreachable = openId.metadataUrl;
    await openId.close();
    const server = await startSecuredServer(unreachable);
    try {
      const r = await post(server.url, `Bearer ${openId.sign({ aud: APP_ID, serviceUrl: SERVICE_URL })}`);
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).not.toBeNull();
    } finally {
      await server.close();
      openId = await startOpenIdServer();
    }
  });
});
