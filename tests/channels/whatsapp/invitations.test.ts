import { periodsSince } from '../../../channels/whatsapp/invitations';
import { isQuietTime } from '../../../channels/whatsapp/quietHours';
import { startHarness, textWebhook, type Harness } from './harness';
import { RecordingBot } from './testBot';

const DAY = 24 * 60 * 60 * 1000;
const PARENT = '31611112222';
const OTHER = '31633334444';

interface TemplateBody {
  to: string;
  type: string;
  template: { name: string; language: { code: string } };
}

describe('WhatsApp check-in invitations', () => {
  let h: Harness;
  let bot: RecordingBot;

  beforeEach(async () => {
    bot = new RecordingBot();
    // Monday 2 March 2026, 10:00 UTC = 11:00 in Amsterdam: outside quiet hours.
    h = await startHarness(bot, { now: new Date('2026-03-02T10:00:00Z') });
    bot.app = h.app;
  });

  afterEach(async () => {
    await h.close();
  });

  async function say(user: string, text: string): Promise<void> {
    expect(await h.post(textWebhook(user, text, h.clock.now()))).toBe(200);
    await h.channel.whenIdle();
  }

  function templatesSince(index: number): TemplateBody[] {
    return h.graph.sends.slice(index).map((s) => s.body as unknown as TemplateBody);
  }

  it('invites a consenting parent with the invite template once the check-in period has passed', async () => {
    await say(PARENT, 'ja');
    const before = h.graph.sends.length;
    h.clock.advance(27 * DAY);
    expect(await h.channel.invitations.runOnce()).toEqual({ templated: 0, deferred: 0, failed: 0 });
    h.clock.advance(1 * DAY);
    expect(await h.channel.invitations.runOnce()).toEqual({ templated: 1, deferred: 0, failed: 0 });
    expect(templatesSince(before)).toMatchObject([{ to: PARENT, type: 'template', template: { name: 'hoormij_invite', language: { code: 'nl' } } }]);
  });

  it('invites once per period, then reminds after another silent period', async () => {
    await say(PARENT, 'ja');
    const before = h.graph.sends.length;
    h.clock.advance(28 * DAY + 60_000);
    await h.channel.invitations.runOnce();
    await h.channel.invitations.runOnce();
    h.clock.advance(1 * DAY);
    await h.channel.invitations.runOnce();
    expect(templatesSince(before).map((t) => t.template.name)).toEqual(['hoormij_invite']);
    h.clock.advance(28 * DAY);
    await h.channel.invitations.runOnce();
    expect(templatesSince(before).map((t) => t.template.name)).toEqual(['hoormij_invite', 'hoormij_reminder']);
  });

  it('starts a new period when the parent writes again', async () => {
    await say(PARENT, 'ja');
    h.clock.advance(20 * DAY);
    await say(PARENT, 'nog een antwoord');
    const before = h.graph.sends.length;
    h.clock.advance(10 * DAY);
    await h.channel.invitations.runOnce();
    expect(templatesSince(before)).toEqual([]);
    h.clock.advance(18 * DAY);
    await h.channel.invitations.runOnce();
    expect(templatesSince(before)).toHaveLength(1);
  });

  it('defers invitations during quiet hours in the project time zone and sends them after', async () => {
    await say(PARENT, 'ja');
    const before = h.graph.sends.length;
    // 28 days later at 21:30 UTC = 22:30 in Amsterdam.
    h.clock.set(new Date('2026-03-30T20:30:00Z'));
    expect(await h.channel.invitations.runOnce()).toEqual({ templated: 0, deferred: 1, failed: 0 });
    h.clock.set(new Date('2026-03-31T05:30:00Z'));
    expect((await h.channel.invitations.runOnce()).deferred).toBe(1);
    h.clock.set(new Date('2026-03-31T06:05:00Z'));
    expect(await h.channel.invitations.runOnce()).toEqual({ templated: 1, deferred: 0, failed: 0 });
    expect(templatesSince(before)).toHaveLength(1);
  });

  it('invites nobody who opted out, is marked do-not-contact, erased, or never consented', async () => {
    await say(PARENT, 'ja');
    await say(PARENT, 'stop');
    await say(OTHER, 'ja');
    await h.app.store.setDoNotContact(h.channel.contacts.pseudonymOf(OTHER), true);
    await say('31655556666', 'ja');
    await say('31655556666', 'verwijder');
    await say('31677778888', 'hoi');
    const before = h.graph.sends.length;
    h.clock.advance(60 * DAY);
    expect(await h.channel.invitations.runOnce()).toEqual({ templated: 0, deferred: 0, failed: 0 });
    expect(h.graph.sends.slice(before)).toEqual([]);
  });

  it("invites in the participant's language", async () => {
    await say(PARENT, 'ja');
    await say(PARENT, 'english');
    const before = h.graph.sends.length;
    h.clock.advance(29 * DAY);
    await h.channel.invitations.runOnce();
    expect(templatesSince(before).map((t) => t.template.language.code)).toEqual(['en']);
  });

  it('counts a failed send as failed and does not retry it on the next pass', async () => {
    await say(PARENT, 'ja');
    h.graph.failRecipient(PARENT, { status: 400, body: { error: { code: 132001, message: 'Template name does not exist in the translation' } } });
    h.clock.advance(29 * DAY);
    expect(await h.channel.invitations.runOnce()).toEqual({ templated: 0, deferred: 0, failed: 1 });
    expect(await h.channel.invitations.runOnce()).toEqual({ templated: 0, deferred: 0, failed: 0 });
    const refused = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'whatsapp send refused');
    expect(refused).toMatchObject({ code: 132001 });
  });
});

describe('quiet hours and periods', () => {
  const quiet = { from: '21:00', to: '08:00' };

  it('is quiet from 21:00 to 08:00 local time, across midnight', () => {
    expect(isQuietTime(new Date('2026-01-15T19:59:00Z'), 'Europe/Amsterdam', quiet)).toBe(false);
    expect(isQuietTime(new Date('2026-01-15T20:00:00Z'), 'Europe/Amsterdam', quiet)).toBe(true);
    expect(isQuietTime(new Date('2026-01-16T06:59:00Z'), 'Europe/Amsterdam', quiet)).toBe(true);
    expect(isQuietTime(new Date('2026-01-16T07:00:00Z'), 'Europe/Amsterdam', quiet)).toBe(false);
  });

  it('follows daylight saving time', () => {
    // 20:30 UTC is 22:30 in summer (CEST) but 21:30 in winter: both quiet; 19:30 UTC only in summer.
    expect(isQuietTime(new Date('2026-07-01T19:30:00Z'), 'Europe/Brussels', quiet)).toBe(true);
    expect(isQuietTime(new Date('2026-01-01T19:30:00Z'), 'Europe/Brussels', quiet)).toBe(false);
  });

  it('handles a span within one day and an empty span', () => {
    expect(isQuietTime(new Date('2026-01-15T12:30:00Z'), 'UTC', { from: '12:00', to: '13:00' })).toBe(true);
    expect(isQuietTime(new Date('2026-01-15T13:00:00Z'), 'UTC', { from: '12:00', to: '13:00' })).toBe(false);
    expect(isQuietTime(new Date('2026-01-15T12:30:00Z'), 'UTC', { from: '00:00', to: '00:00' })).toBe(false);
  });

  it('counts whole silent periods since the anchor', () => {
    const anchor = '2026-01-01T00:00:00.000Z';
    expect(periodsSince(anchor, new Date('2026-01-28T23:59:00Z'), 28)).toBe(0);
    expect(periodsSince(anchor, new Date('2026-01-29T00:00:00Z'), 28)).toBe(1);
    expect(periodsSince(anchor, new Date('2026-02-26T00:00:00Z'), 28)).toBe(2);
    expect(periodsSince('not a date', new Date(), 28)).toBe(0);
  });
});
