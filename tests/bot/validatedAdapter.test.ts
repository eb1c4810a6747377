import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { ValidActivity } from '../../bot/activityValidation';
import { AuthenticationRefusedError, ValidatedCloudAdapter } from '../../bot/validatedAdapter';

function activity(extra: Partial<Record<string, unknown>> = {}): ValidActivity {
  return {
    type: 'message',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    conversation: { id: 'c1' } as Activity['conversation'],
    from: { id: 'u1', name: '' },
    recipient: { id: 'bot', name: '' },
    text: 'hoi',
    ...extra,
  } as ValidActivity;
}

describe('ValidatedCloudAdapter', () => {
  const adapter = new ValidatedCloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

  it('turns timestamps into dates and keeps the raw strings, as CloudAdapter.process does', async () => {
    let seen: Activity | undefined;
    await adapter.processValidated('', activity({ timestamp: '2026-11-22T10:00:00.000Z', localTimestamp: '2026-11-22T11:00:00.000+01:00' }), async (ctx) => {
      seen = ctx.activity;
    });
    expect(seen?.timestamp).toBeInstanceOf(Date);
    expect(seen?.timestamp?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect((seen as Record<string, unknown> | undefined)?.rawTimestamp).toBe('2026-11-22T10:00:00.000Z');
    expect(seen?.localTimestamp).toBeInstanceOf(Date);
    expect((seen as Record<string, unknown> | undefined)?.rawLocalTimestamp).toBe('2026-11-22T11:00:00.000+01:00');
  });

  it('returns the replies of an expectReplies turn as the invoke response body', async () => {
    const res = await adapter.processValidated('', activity(), async (ctx) => {
      await ctx.sendActivity('hallo');
    });
    expect(res?.status).toBe(200);
    expect((res?.body as { activities: Activity[] }).activities.map((a) => a.text)).toEqual(['hallo']);
  });

  it('still authenticates: with an App ID, a request without a token is refused before the turn', async () => {
    const secured = new ValidatedCloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' }));
    let ran = false;
    await expect(
      secured.processValidated('', activity(), async () => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(AuthenticationRefusedError);
    expect(ran).toBe(false);
  });
});
