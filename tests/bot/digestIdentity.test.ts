import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { isLoopbackUrl } from '../../bot/activityValidation';
import { leadIdentityOf } from '../../bot/digestIdentity';

const AAD = '11111111-aaaa-4bbb-8ccc-000000000001';
const turn = (over: Partial<Activity>) =>
  new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id: 'c1' },
    from: { id: '29:u', aadObjectId: AAD },
    recipient: { id: '28:bot' },
    channelData: { email: 'lead@example.org' },
    text: 'digest nu',
    ...over,
  } as Partial<Activity> as Activity);

describe('who a lead command comes from', () => {
  it('with MicrosoftAppId, believes the AAD object id of a Teams activity (Bot Service vouched for it)', async () => {
    expect((await leadIdentityOf(turn({}), true)).aadObjectId).toBe(AAD);
  });

  it('with MicrosoftAppId, believes nobody on another channel, also not the Emulator', async () => {
    for (const channelId of ['emulator', 'webchat', 'directline']) {
      const who = await leadIdentityOf(turn({ channelId }), true);
      expect(who.aadObjectId).toBeUndefined();
      expect(await who.email()).toBeUndefined();
    }
  });

  it('without MicrosoftAppId, believes nothing of the body and asks no connector off this machine', async () => {
    for (const serviceUrl of ['https://smba.trafficmanager.net/emea/', 'http://10.0.0.5:3978/', 'http://127.0.0.1.attacker.example/']) {
      const who = await leadIdentityOf(turn({ serviceUrl }), false);
      expect(who.aadObjectId).toBeUndefined();
      expect(await who.email()).toBeUndefined();
    }
  });

  it('counts only http(s) URLs on this machine as loopback', () => {
    expect(['http://localhost:3978', 'http://127.0.0.1:9/', 'https://127.5.6.7', 'http://[::1]:80/'].map(isLoopbackUrl)).toEqual([true, true, true, true]);
    expect(['http://127.0.0.1.example.org', 'ftp://127.0.0.1', 'http://10.0.0.1', 'not a url'].map(isLoopbackUrl)).toEqual([false, false, false, false]);
  });
});
