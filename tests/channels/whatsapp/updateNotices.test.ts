import { pseudonymize } from '../../../core/pseudonym';
import { startHarness, textWebhook, type Harness } from './harness';
import { RecordingBot } from './testBot';

const HOUR = 60 * 60 * 1000;
const PARENT = '31611112222';
const SEEN_IT = '31633334444';
const STOPPED = '31655556666';

interface TemplateBody {
  to: string;
  type: string;
  template: { name: string; language: { code: string }; components: unknown[] };
}

describe('WhatsApp news notices about project updates', () => {
  let h: Harness;
  let bot: RecordingBot;

  beforeEach(async () => {
    bot = new RecordingBot();
    // Monday 2 March 2026, 10:00 UTC = 11:00 in Amsterdam: outside quiet hours.
    h = await startHarness(bot, { now: new Date('2026-03-02T10:00:00Z') });
    bot.app = h.app;
  });
  afterEach(async () => h.close());

  async function say(user: string, text: string): Promise<void> {
    expect(await h.post(textWebhook(user, text, h.clock.now()))).toBe(200);
    await h.channel.whenIdle();
  }
  const sentSince = (i: number) => h.graph.sends.slice(i).map((s) => s.body as unknown as TemplateBody);
  const post = (text: string) =>
    h.app.store.addUpdate({ project: 'demo', theme: 'waiting', week: '2026-W10', text: { nl: text }, author: 'k', createdAt: h.clock.now().toISOString() });

  it('sends the news template once per update to parents outside the window who did not see it, never during quiet hours', async () => {
    for (const who of [PARENT, SEEN_IT, STOPPED]) await say(who, 'ja');
    await say(STOPPED, 'stop');
    const u1 = await post('We bellen binnen twee dagen terug.');
    await h.app.store.markUpdatesSeen(pseudonymize(h.app.secrets.pseudonymSecret, 'whatsapp', SEEN_IT), 'demo', [u1.id], h.clock.now().toISOString());
    const before = h.graph.sends.length;

    // not due for a day: whoever is in the conversation now hears it there
    expect(await h.channel.notices.runOnce()).toEqual({ sent: 0, deferred: 0, failed: 0 });
    const u2 = await post('Er is een nieuwe folder.');

    // 22:00 in Amsterdam the next day: quiet hours hold it back
    h.clock.advance(35 * HOUR);
    expect(await h.channel.notices.runOnce()).toEqual({ sent: 0, deferred: 2, failed: 0 });
    expect(sentSince(before)).toEqual([]);

    h.clock.advance(11 * HOUR);
    expect(await h.channel.notices.runOnce()).toEqual({ sent: 2, deferred: 0, failed: 0 });
    // one notice each for the two updates: PARENT saw neither, SEEN_IT saw U1 but not U2; STOPPED gets nothing
    expect(sentSince(before)).toMatchObject([
      { to: PARENT, type: 'template', template: { name: 'hoormij_news', language: { code: 'nl' }, components: [] } },
      { to: SEEN_IT, type: 'template', template: { name: 'hoormij_news' } },
    ]);
    expect((await h.app.store.getUpdate('demo', u2.id))?.noticeAt).not.toBeNull();
    // a parent who wrote in the last day is inside the window: the chat tells them, not a template
    const u3 = await post('Nog een update.');
    await say(PARENT, 'hoi');
    h.clock.advance(24 * HOUR);
    await say(PARENT, 'hoi');
    const later = h.graph.sends.length;
    expect(await h.channel.notices.runOnce()).toEqual({ sent: 1, deferred: 0, failed: 0 });
    expect(sentSince(later)).toMatchObject([{ to: SEEN_IT }]);
    expect((await h.app.store.getUpdate('demo', u3.id))?.noticeAt).not.toBeNull();
    // once per update
    expect(await h.channel.notices.runOnce()).toEqual({ sent: 0, deferred: 0, failed: 0 });
  });
});
