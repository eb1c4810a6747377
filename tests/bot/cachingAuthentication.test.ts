import { CloudAdapter, type Activity, type ConversationReference } from 'botbuilder';
import { ClientReusingAuthentication } from '../../bot/cachingAuthentication';
import { TeamsConnector } from '../helpers/teamsConnector';

type ClaimsIdentity = Parameters<ClientReusingAuthentication['createConnectorFactory']>[0];

const BOT_ID = '00000000-0000-0000-0000-000000000001';
const unauthenticated = () => new ClientReusingAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' });
const authenticated = () => new ClientReusingAuthentication({ MicrosoftAppId: BOT_ID, MicrosoftAppPassword: 'not-a-real-secret' });

type ClaimsIdentityClass = new (claims: { type: string; value: string }[], authenticationType?: string | boolean) => ClaimsIdentity;
// botbuilder does not re-export ClaimsIdentity; take the real class from an anonymous result.
let ClaimsIdentityCtor: ClaimsIdentityClass;

/** The claims CloudAdapter builds for a proactive send (createClaimsIdentity). */
function botClaims(appId: string): ClaimsIdentity {
  return new ClaimsIdentityCtor([
    { type: 'aud', value: appId },
    { type: 'appid', value: appId },
  ]);
}

const message = (serviceUrl: string): Activity =>
  ({ type: 'message', channelId: 'emulator', serviceUrl, conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' }, text: 'hallo' }) as Activity;

beforeAll(async () => {
  const result = await unauthenticated().authenticateRequest(message('http://127.0.0.1:9/'), '');
  ClaimsIdentityCtor = result.claimsIdentity.constructor as ClaimsIdentityClass;
});

describe('ClientReusingAuthentication', () => {
  it('hands out the same ConnectorClient for the same app id, serviceUrl and audience', async () => {
    const auth = unauthenticated();
    const first = await auth.createConnectorFactory(botClaims('')).create('http://127.0.0.1:9/');
    const second = await auth.createConnectorFactory(botClaims('')).create('http://127.0.0.1:9/');
    expect(second).toBe(first);
  });

  it('builds a different ConnectorClient for another serviceUrl, audience or app id', async () => {
    const auth = unauthenticated();
    const factory = auth.createConnectorFactory(botClaims(''));
    const base = await factory.create('http://127.0.0.1:9/');
    const otherUrl = await factory.create('http://127.0.0.1:10/');
    const otherAudience = await factory.create('http://127.0.0.1:9/', 'https://api.botframework.com');
    const otherApp = await auth.createConnectorFactory(botClaims('another-app')).create('http://127.0.0.1:9/');
    expect(new Set([base, otherUrl, otherAudience, otherApp]).size).toBe(4);
    expect(otherUrl.conversations).toBeDefined();
  });

  it('reuses the client across authenticated requests while still checking every request', async () => {
    const auth = unauthenticated();
    const a = await auth.authenticateRequest(message('http://127.0.0.1:9/'), '');
    const b = await auth.authenticateRequest(message('http://127.0.0.1:9/'), '');
    expect(b.claimsIdentity).not.toBe(a.claimsIdentity);
    expect(await b.connectorFactory!.create('http://127.0.0.1:9/', b.audience)).toBe(await a.connectorFactory!.create('http://127.0.0.1:9/', a.audience));

    const guarded = authenticated();
    await guarded.createConnectorFactory(botClaims(BOT_ID)).create('http://127.0.0.1:9/');
    await expect(guarded.authenticateRequest(message('http://127.0.0.1:9/'), '')).rejects.toMatchObject({ statusCode: 401 });
    await expect(guarded.authenticateRequest(message('http://127.0.0.1:9/'), '')).rejects.toMatchObject({ statusCode: 401 });
  });

  it('keeps at most maxConnectorClients and forgets the least recently used one first', async () => {
    const auth = new ClientReusingAuthentication({ MicrosoftAppId: '' }, { maxConnectorClients: 2 });
    const factory = auth.createConnectorFactory(botClaims(''));
    const a = await factory.create('http://127.0.0.1:1/');
    const b = await factory.create('http://127.0.0.1:2/');
    expect(await factory.create('http://127.0.0.1:1/')).toBe(a); // a is now the most recent
    await factory.create('http://127.0.0.1:3/'); // pushes out b
    expect(await factory.create('http://127.0.0.1:1/')).toBe(a);
    expect(await factory.create('http://127.0.0.1:2/')).not.toBe(b);
  });

  it('reuses the UserTokenClient per app id', async () => {
    const auth = authenticated();
    const first = await auth.createUserTokenClient(botClaims(BOT_ID));
    expect(await auth.createUserTokenClient(botClaims(BOT_ID))).toBe(first);
    const open = unauthenticated();
    const anonymous = await open.createUserTokenClient(botClaims(''));
    expect(await open.createUserTokenClient(botClaims('another-app'))).not.toBe(anonymous);
  });

  it('does not keep a failed creation, so a later call tries again', async () => {
    const auth = authenticated();
    // The credentials factory refuses an app id other than the configured one.
    const factory = auth.createConnectorFactory(botClaims('someone-else'));
    const first = factory.create('http://127.0.0.1:9/');
    await expect(first).rejects.toThrow(/Invalid appId/);
    const second = factory.create('http://127.0.0.1:9/');
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow(/Invalid appId/);
  });

  it('sends proactive messages over one reused client to a real connector', async () => {
    const connector = new TeamsConnector();
    await connector.start();
    try {
      const adapter = new CloudAdapter(unauthenticated());
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: 'proactive-c' } as ConversationReference['conversation'],
        bot: { id: 'bot', name: 'HoorMij' },
      };
      const clients: unknown[] = [];
      for (const text of ['een', 'twee']) {
        await adapter.continueConversationAsync('', reference, async (context) => {
          clients.push(context.turnState.get(adapter.ConnectorClientKey));
          await context.sendActivity(text);
        });
      }
      expect(clients[1]).toBe(clients[0]);
      expect(connector.to('proactive-c').map((a) => a.text)).toEqual(['een', 'twee']);
    } finally {
      await connector.stop();
    }
  });
});
