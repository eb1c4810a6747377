import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphError } from '../../helpers/graphApiServer';
import { startHarness, statusWebhook, textWebhook, type Harness } from './harness';
import { RecordingBot } from './testBot';

const USER = '31698765432';
const HOUR = 60 * 60 * 1000;

interface TemplateBody {
  type: 'template';
  to: string;
  template: { name: string; language: { code: string; policy: string }; components: Array<{ type: string; parameters: Array<Record<string, string>> }> };
}

function filesContain(dir: string, needle: string): string[] {
  return readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(Buffer.from(needle, 'utf8')));
}

describe('WhatsApp contact record and the 24-hour window', () => {
  let h: Harness;
  let bot: RecordingBot;

  beforeEach(async () => {
    bot = new RecordingBot();
    h = await startHarness(bot);
    bot.app = h.app;
  });

  afterEach(async () => {
    await h.close();
  });

  async function say(text: string, user = USER): Promise<void> {
    expect(await h.post(textWebhook(user, text, h.clock.now()))).toBe(200);
    await h.channel.whenIdle();
  }

  const participant = (user = USER) => h.channel.contacts.pseudonymOf(user);

  async function proactive(texts: string[], user = USER): Promise<void> {
    await h.channel.adapter.continueConversationAsync('', h.channel.adapter.referenceFor(user), async (ctx) => {
      for (const text of texts) await ctx.sendActivity(text);
    });
    await h.channel.whenIdle();
  }

  it('keeps no contact record for someone who has not given consent', async () => {
    await say('hoi');
    expect(await h.app.store.getContact(participant(), 'whatsapp')).toBeUndefined();
  });

  it('seals the number after consent and remembers when they last wrote', async () => {
    const at = h.clock.now();
    await say('ja');
    const contact = await h.app.store.getContact(participant(), 'whatsapp');
    expect(contact).toMatchObject({ channel: 'whatsapp', disabled: false, locale: 'nl', project: 'demo', lastInboundAt: at.toISOString() });
    expect(contact!.sealed).not.toContain(USER);
    expect(h.channel.contacts.open(contact!)).toBe(USER);
    // Every file of DATA_DIR, the SQLite database and its WAL included, while the store is open.
    expect(readdirSync(h.dataDir).some((f) => f.endsWith('-wal'))).toBe(true);
    expect(filesContain(h.dataDir, USER)).toEqual([]);
  });

  it('wipes the number when the participant types stop, and seals it again after start', async () => {
    await say('ja');
    await say('stop');
    const stopped = await h.app.store.getContact(participant(), 'whatsapp');
    expect(stopped).toMatchObject({ disabled: true, sealed: '' });
    const p = (await h.app.store.getParticipant(participant()))!;
    await h.app.store.saveParticipant({ ...p, optedOut: false });
    await say('weer terug');
    const back = (await h.app.store.getContact(participant(), 'whatsapp'))!;
    expect(back.disabled).toBe(false);
    expect(h.channel.contacts.open(back)).toBe(USER);
  });

  it('has no contact record left after erasure over WhatsApp', async () => {
    await say('ja');
    expect(await h.app.store.getContact(participant(), 'whatsapp')).toBeDefined();
    await say('verwijder');
    expect(await h.app.store.getContact(participant(), 'whatsapp')).toBeUndefined();
    expect(await h.app.store.getParticipant(participant())).toBeUndefined();
  });

  it('sends a proactive message as text inside the window', async () => {
    await say('ja');
    h.clock.advance(20 * HOUR);
    const before = h.graph.sends.length;
    await proactive(['Nog even dit']);
    expect(h.graph.sends.slice(before).map((s) => s.body)).toEqual([
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: USER, type: 'text', text: { preview_url: false, body: 'Nog even dit' } },
    ]);
  });

  it('sends one reminder template instead of free text outside the window', async () => {
    await say('ja');
    h.clock.advance(25 * HOUR);
    const before = h.graph.sends.length;
    await proactive(['Hoi', 'Nog een bericht']);
    const sent = h.graph.sends.slice(before).map((s) => s.body as unknown as TemplateBody);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: USER,
      type: 'template',
      template: {
        name: 'hoormij_reminder',
        language: { code: 'nl', policy: 'deterministic' },
        components: [
          { type: 'body', parameters: [{ type: 'text', text: h.app.data.projects.get('demo')!.name.nl }] },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'start' }] },
        ],
      },
    });
  });

  it('sends nothing proactively outside the window to someone without consent', async () => {
    await say('hoi');
    h.clock.advance(25 * HOUR);
    const before = h.graph.sends.length;
    await proactive(['Hoi']);
    expect(h.graph.sends.slice(before)).toEqual([]);
  });

  it("uses the participant's language for the template", async () => {
    await say('ja');
    await say('english');
    h.clock.advance(30 * HOUR);
    const before = h.graph.sends.length;
    await proactive(['Hi']);
    const [sent] = h.graph.sends.slice(before).map((s) => s.body as unknown as TemplateBody);
    expect(sent.template.language.code).toBe('en');
    expect(sent.template.components[0].parameters[0].text).toBe(h.app.data.projects.get('demo')!.name.en);
  });

  it('records status webhooks without the recipient number', async () => {
    await say('ja');
    const wamid = h.graph.delivered()[0].messageId!;
    for (const status of ['sent', 'delivered', 'read']) await h.post(statusWebhook(USER, wamid, status, h.clock.now()));
    await h.channel.whenIdle();
    const db = new Database(join(h.dataDir, 'hoormij.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM delivery_statuses WHERE message_id = ? ORDER BY seq').all(h.channel.contacts.storedIdOf(wamid)) as Array<Record<string, unknown>>;
      expect(rows.map((r) => [r.channel, r.status, r.error_code])).toEqual([
        ['whatsapp', 'sent', null],
        ['whatsapp', 'delivered', null],
        ['whatsapp', 'read', null],
      ]);
      // A wamid embeds the number in base64, so only a keyed hash of it is stored.
      expect(Buffer.from(wamid.slice('wamid.'.length), 'base64').toString('latin1')).toContain(USER);
      expect(JSON.stringify(rows)).not.toContain(USER);
      expect(JSON.stringify(rows)).not.toContain(wamid);
      expect(filesContain(h.dataDir, wamid)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('answers a failed 131047 status with the template, once, also when Meta repeats the webhook', async () => {
    await say('ja');
    h.clock.advance(25 * HOUR);
    const before = h.graph.sends.length;
    // The window looked open to us (e.g. our record was stale), so free text went out and bounced later.
    const wamid = h.graph.delivered()[0].messageId!;
    const failed = statusWebhook(USER, wamid, 'failed', h.clock.now(), 131047);
    await h.post(failed);
    await h.post(failed);
    await h.channel.whenIdle();
    const sent = h.graph.sends.slice(before).map((s) => s.body as unknown as TemplateBody);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: USER, type: 'template', template: { name: 'hoormij_reminder' } });
    const db = new Database(join(h.dataDir, 'hoormij.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT error_code FROM delivery_statuses WHERE message_id = ?').all(h.channel.contacts.storedIdOf(wamid))).toEqual([{ error_code: 131047 }, { error_code: 131047 }]);
    } finally {
      db.close();
    }
  });

  it('sends no template after a 131047 for someone who opted out', async () => {
    await say('ja');
    await say('stop');
    const before = h.graph.sends.length;
    await h.post(statusWebhook(USER, h.graph.delivered()[0].messageId!, 'failed', h.clock.now(), 131047));
    await h.channel.whenIdle();
    expect(h.graph.sends.slice(before)).toEqual([]);
  });

  it('logs other delivery failures with their code and sends nothing', async () => {
    await say('ja');
    const before = h.graph.sends.length;
    await h.post(statusWebhook(USER, h.graph.delivered()[0].messageId!, 'failed', h.clock.now(), 131026));
    await h.channel.whenIdle();
    expect(h.graph.sends.slice(before)).toEqual([]);
    const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'whatsapp message was not delivered');
    expect(line).toMatchObject({ code: 131026, participant: participant() });
    for (const l of h.logs) expect(l).not.toContain(USER);
  });

  it('switches to the template when the send itself is refused with 131047', async () => {
    await say('ja');
    h.graph.script({ status: 400, body: graphError(131047, 'Re-engagement message') });
    const before = h.graph.sends.length;
    await proactive(['Hoi']);
    // Inside the window by our record, but Meta disagrees: the template follows at once.
    const sent = h.graph.sends.slice(before);
    expect(sent.map((s) => [s.status, s.body.type])).toEqual([
      [400, 'text'],
      [200, 'template'],
    ]);
  });
});
