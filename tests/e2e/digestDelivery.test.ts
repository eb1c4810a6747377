import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningApp } from '../../bot/app';
import { startDigestScheduler, type DigestScheduler } from '../../bot/digest';
import { createTeamsSafeguardingNotifier, loadSafeguardingContact } from '../../bot/safeguardingNotifier';
import { runDemoData } from '../../cli/demoData';
import { ManualClock } from '../../core/clock';
import type { Lead } from '../../core/projects';
import { pseudonymize } from '../../core/pseudonym';
import { translatorFor } from '../../locales';
import { emulatorUser, replyText, ROOT, startTestApp } from '../helpers/botHttp';
import { TeamsConnector, teamsUser } from '../helpers/teamsConnector';

const LEAD = '11111111-aaaa-4bbb-8ccc-000000000001';
const LEAD_2 = '11111111-aaaa-4bbb-8ccc-000000000002';
const SAFE = '11111111-aaaa-4bbb-8ccc-00000000000s';
const STRANGER = '99999999-aaaa-4bbb-8ccc-000000000009';
const LEAD_EMAIL = 'projectleider@example.org';
const FAST = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };
const nl = translatorFor('nl');

/** Monday 9 March 2026, 07:00 in Amsterdam: an hour before the digest of 2026-W10 is due. */
const BEFORE = new Date('2026-03-09T06:00:00Z');
const HOUR = 3_600_000;

function testConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-config-'));
  for (const f of ['themes.json', 'question-sets.json', 'organisation.json']) copyFileSync(join(ROOT, 'config', f), join(dir, f));
  const projects = JSON.parse(readFileSync(join(ROOT, 'config', 'projects.json'), 'utf8')) as {
    projects: { id: string; leads: unknown[]; safeguardingContact?: unknown }[];
  };
  const demo = projects.projects.find((p) => p.id === 'demo')!;
  demo.leads = [{ aadObjectId: LEAD }, { aadObjectId: LEAD_2 }, { email: LEAD_EMAIL }];
  demo.safeguardingContact = { aadObjectId: SAFE };
  for (const p of projects.projects) if (p.id !== 'demo') delete p.safeguardingContact;
  writeFileSync(join(dir, 'projects.json'), JSON.stringify(projects));
  return dir;
}

describe('the weekly digest in Teams, end to end', () => {
  const connector = new TeamsConnector();
  const clock = new ManualClock(BEFORE);
  let app: RunningApp;
  const schedulers: DigestScheduler[] = [];

  /** A Teams user posting to the real /api/messages; who they are is what the connector's roster says. */
  const teams = (userId: string, conversationId: string, aadObjectId?: string) => teamsUser(app.url, connector, { id: userId, aadObjectId, name: 'Lead' }, conversationId);

  const scheduler = (instanceId: string) => {
    const s = startDigestScheduler(app.app, app.runtime, { instanceId, retry: FAST });
    schedulers.push(s);
    return s;
  };

  beforeAll(async () => {
    await connector.start();
    connector.addMember({ id: '29:lead', aadObjectId: LEAD, email: 'lead.een@example.org' });
    connector.addMember({ id: '29:lead-2', aadObjectId: LEAD_2, email: 'lead.twee@example.org' });
    connector.addMember({ id: '29:safe', aadObjectId: SAFE, email: 'vertrouwenspersoon@example.org' });
    connector.addMember({ id: '29:stranger', aadObjectId: STRANGER, email: 'iemand@example.org' });
    app = await startTestApp({ CONFIG_DIR: testConfigDir() }, { clock });
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    await runDemoData(
      { project: 'demo', weeks: 3 },
      { store: app.app.store, data: app.app.data, tagger: app.app.tagger, secretForPseudonyms: app.app.secrets.pseudonymSecret, now: clock.now() },
      sink,
    );
  });
  afterAll(async () => {
    for (const s of schedulers) await s.close();
    await app.close();
    await connector.stop();
  });

  it('refuses someone who is not a lead of the project, politely', async () => {
    const r = await teams('29:stranger', 'conv-stranger', STRANGER).send('digest aanmelden demo');
    expect(replyText(r)).toBe(nl('digest:commands.notLead', { project: 'Demoproject HoorMij' }));
    expect(await app.app.store.listSubscriptions('demo')).toEqual([]);
  });

  it('says clearly when a project does not exist', async () => {
    const r = await teams('29:lead', 'conv-lead', LEAD).send('Digest Aanmelden bestaat-niet');
    expect(replyText(r)).toContain(nl('digest:commands.unknownProject', { project: 'bestaat-niet' }));
  });

  it('lets participant messages through to the feedback dialogs', async () => {
    const r = await teams('29:lead', 'conv-lead', LEAD).send('hallo');
    expect(replyText(r)).not.toContain(nl('digest:commands.notLead', { project: 'Demoproject HoorMij' }));
    expect(r.replies.length).toBeGreaterThan(0);
  });

  it('subscribes a lead by AAD object id and delivers the digest exactly once with two scheduler instances', async () => {
    const r = await teams('29:lead', 'conv-lead', LEAD).send('digest aanmelden demo');
    expect(replyText(r)).toBe(nl('digest:commands.subscribed', { project: 'Demoproject HoorMij', id: 'demo' }));
    const subs = await app.app.store.listSubscriptions('demo');
    expect(subs).toHaveLength(1);
    expect(subs[0].lead).toBe(pseudonymize(app.app.secrets.pseudonymSecret, 'msteams', '29:lead'));
    expect(subs[0].ref).toMatchObject({ channelId: 'msteams', serviceUrl: connector.url, conversation: { id: 'conv-lead' } });
    expect(JSON.stringify(subs[0])).not.toContain(LEAD);
    expect(subs[0].leadKey).toMatch(/^[0-9a-f]{32}$/);

    // an hour before Monday 08:00 nothing of this week is due yet
    const early = scheduler('instance-a');
    await early.started;
    expect(connector.to('conv-lead')).toHaveLength(0);
    expect(await app.app.store.getDigestClaim('demo', '2026-W10')).toBeUndefined();

    clock.advance(HOUR + 60_000);
    const a = scheduler('instance-b');
    const b = scheduler('instance-c');
    await Promise.all([a.started, b.started, a.tick(), b.tick(), early.tick()]);

    const posted = connector.to('conv-lead');
    expect(posted).toHaveLength(1);
    const attachment = (posted[0].attachments as { contentType: string; content: { version: string; body: unknown[] } }[])[0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content.version).toBe('1.5');
    expect(JSON.stringify(attachment.content)).toContain('2026-W10');
    expect(JSON.stringify(attachment.content)).toContain(nl('digest:scores.title'));

    const claim = await app.app.store.getDigestClaim('demo', '2026-W10');
    expect(claim?.sentAt).not.toBeNull();
    const audit = (await app.app.store.listAudit()).filter((e) => e.action === 'digest-sent');
    expect(audit).toEqual([expect.objectContaining({ actor: 'system', target: 'demo/2026-W10', rows: 1 })]);

    // a restart later that week finds the week claimed and sends nothing
    clock.advance(2 * 24 * HOUR);
    const restarted = scheduler('instance-d');
    expect((await restarted.started).find((run) => run.project === 'demo')?.status).toBe('claimed-elsewhere');
    expect(connector.to('conv-lead')).toHaveLength(1);
  });

  it('sends a digest at once on "digest nu" without a project, for the project the lead follows', async () => {
    const r = await teams('29:lead', 'conv-lead', LEAD).send('digest nu');
    const card = r.replies.flatMap((a) => a.attachments ?? [])[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card?.content)).toContain('Demoproject HoorMij');

    // the same message the scheduler sent for this week: card and notification summary alike
    const scheduled = connector.to('conv-lead')[0];
    const asked = r.replies.find((a) => a.attachments?.length);
    expect(asked?.summary).toBe((card?.content as { fallbackText: string }).fallbackText);
    expect({ summary: asked?.summary, attachments: asked?.attachments }).toEqual({ summary: scheduled.summary, attachments: scheduled.attachments });
  });

  it('recognises a lead by e-mail through the Teams member look-up', async () => {
    connector.addMember({ id: '29:by-mail', aadObjectId: '11111111-aaaa-4bbb-8ccc-0000000000e1', email: LEAD_EMAIL.toUpperCase() });
    const r = await teams('29:by-mail', 'conv-gone').send('digest subscribe demo');
    expect(replyText(r)).toBe(translatorFor('en')('digest:commands.subscribed', { project: 'HoorMij demo project', id: 'demo' }));
  });

  it('retries a throttled send, and ends a subscription when Teams says the app is gone', async () => {
    await teams('29:lead-2', 'conv-flaky', LEAD_2).send('digest aanmelden demo');
    connector.scripted.set('conv-flaky', [412, 429]);
    connector.scripted.set('conv-gone', [403]);
    expect(await app.app.store.listSubscriptions('demo')).toHaveLength(3);

    clock.set(new Date('2026-03-16T07:05:00Z')); // Monday 08:05 in Amsterdam: 2026-W11 is due
    const runs = await scheduler('instance-e').started;
    expect(runs.find((r) => r.project === 'demo')).toMatchObject({ week: '2026-W11', status: 'sent', sent: 2, removed: 1 });
    expect(connector.to('conv-flaky')).toHaveLength(1);
    expect(connector.to('conv-gone')).toHaveLength(0);
    expect((await app.app.store.listSubscriptions('demo')).map((s) => s.ref.conversation.id).sort()).toEqual(['conv-flaky', 'conv-lead']);
  });

  it('unsubscribes the lead who asks', async () => {
    const r = await teams('29:lead-2', 'conv-flaky', LEAD_2).send('digest afmelden');
    expect(replyText(r)).toBe(nl('digest:commands.unsubscribed', { project: 'Demoproject HoorMij' }));
    expect((await app.app.store.listSubscriptions('demo')).map((s) => s.ref.conversation.id)).toEqual(['conv-lead']);
  });

  describe('safeguarding alerts', () => {
    const crisis = 'Ik wil niet meer leven';
    const code = async (project: string, team: string | null) => {
      const c = project === 'demo' ? 'K7PX4M' : 'W2ZQ9H';
      await app.app.store.addSessionCodes([
        { code: c, project, team, createdAt: clock.now().toISOString(), expiresAt: new Date(clock.now().getTime() + 86_400_000).toISOString() },
      ]);
      return c;
    };
    const youthInCrisis = async (user: string, sessionCode: string) => {
      const u = emulatorUser(app.url, user);
      for (const text of [`start ${sessionCode}`, 'ja', 'jongere', '4', '4', '4', '4']) await u.send(text);
      await u.send(crisis);
      return u;
    };

    it('only the configured safeguarding contact can register', async () => {
      const r = await teams('29:lead', 'conv-lead', LEAD).send('veiligheid aanmelden demo');
      expect(replyText(r)).toBe(nl('digest:commands.notSafeguardingContact', { project: 'Demoproject HoorMij' }));
      const ok = await teams('29:safe', 'conv-safe', SAFE).send('veiligheid aanmelden demo');
      expect(replyText(ok)).toBe(nl('digest:commands.safeguardingSubscribed', { project: 'Demoproject HoorMij' }));
    });

    it('alerts the contact at once on a yes, with team, code and time but never the text', async () => {
      const sessionCode = await code('demo', 'wijkteam-zuid');
      const u = await youthInCrisis('youth-yes', sessionCode);
      await u.send('ja');
      const alerts = connector.to('conv-safe');
      expect(alerts).toHaveLength(1);
      const text = String(alerts[0].text);
      expect(text).toContain('wijkteam-zuid');
      expect(text).toContain(sessionCode);
      // the kind of signal, in words, never the text
      expect(text).toContain(`${nl('digest:safeguardingAlert.category')}: ${nl('digest:safeguardingAlert.categories.suicide')}`);
      expect(text).not.toContain(crisis);
      expect(JSON.stringify(alerts[0])).not.toContain('youth-yes');
      expect((await app.app.store.listAudit()).some((e) => e.action === 'safeguarding-alert' && e.target === 'demo')).toBe(true);
    });

    it('sends nothing when the young person says no', async () => {
      const before = connector.to('conv-safe').length;
      const u = await youthInCrisis('youth-no', await code('demo', 'wijkteam-noord'));
      await u.send('nee');
      expect(connector.to('conv-safe')).toHaveLength(before);
    });

    it('reports no contact for a project without one, and sends nothing', async () => {
      const before = connector.posted.length;
      const notifier = createTeamsSafeguardingNotifier(app.app, app.runtime, { retry: FAST });
      const at = clock.now().toISOString();
      expect(await notifier.notify({ categories: ['abuse'], project: 'vlaanderen-demo', team: 'leefgroep-1', sessionCode: null, at })).toBe('no-contact');
      const u = await youthInCrisis('youth-be', await code('vlaanderen-demo', 'leefgroep-1'));
      await u.send('ja');
      expect(connector.posted).toHaveLength(before);
    });

    it('alerts nobody once the registered contact was replaced in the configuration', async () => {
      const demo = app.app.data.projects.get('demo')! as { safeguardingContact?: Lead };
      const registered = demo.safeguardingContact;
      demo.safeguardingContact = { aadObjectId: '11111111-aaaa-4bbb-8ccc-0000000000ff' };
      try {
        const before = connector.to('conv-safe').length;
        const notifier = createTeamsSafeguardingNotifier(app.app, app.runtime, { retry: FAST });
        expect(await notifier.notify({ categories: ['abuse'], project: 'demo', team: 'wijkteam-zuid', sessionCode: null, at: clock.now().toISOString() })).toBe('no-contact');
        expect(connector.to('conv-safe')).toHaveLength(before);
      } finally {
        demo.safeguardingContact = registered;
      }
    });
  });

  it('stops the digest for a lead taken off the list in the configuration, and tells them once', async () => {
    const demo = app.app.data.projects.get('demo')! as { leads: Lead[] };
    const leads = demo.leads;
    demo.leads = leads.filter((l) => l.aadObjectId !== LEAD);
    try {
      expect((await app.app.store.listSubscriptions('demo')).map((s) => s.ref.conversation.id)).toEqual(['conv-lead']);
      const before = connector.to('conv-lead').length;
      clock.set(new Date('2026-03-23T07:05:00Z')); // Monday 08:05 in Amsterdam: 2026-W12 is due
      const runs = await scheduler('instance-f').started;
      expect(runs.find((r) => r.project === 'demo')).toMatchObject({ week: '2026-W12', sent: 0, removed: 1 });
      const posted = connector.to('conv-lead').slice(before);
      expect(posted.map((a) => a.text)).toEqual([nl('digest:commands.noLongerLead', { project: 'Demoproject HoorMij' })]);
      expect(posted[0].attachments ?? []).toEqual([]);
      expect(await app.app.store.listSubscriptions('demo')).toEqual([]);

      clock.set(new Date('2026-03-30T06:05:00Z')); // the next Monday: nothing more
      await scheduler('instance-g').started;
      expect(connector.to('conv-lead')).toHaveLength(before + 1);
    } finally {
      demo.leads = leads;
    }
  });

  describe('someone claiming to be a lead or the safeguarding contact', () => {
    const claims = { channelData: { email: LEAD_EMAIL, tenant: { id: 'tenant-1' } } };

    it('gets no digest for an e-mail or AAD object id written into the activity', async () => {
      const intruder = teams('29:intruder', 'conv-intruder', LEAD);
      for (const text of ['digest aanmelden demo', 'digest nu demo']) {
        const r = await intruder.send(text, claims);
        expect(replyText(r)).toBe(nl('digest:commands.notLead', { project: 'Demoproject HoorMij' }));
        expect(r.replies.flatMap((a) => a.attachments ?? [])).toEqual([]);
      }
      // a real member of the tenant whose body says they are someone else is who Teams says they are
      const r = await teams('29:stranger', 'conv-stranger', LEAD).send('digest nu demo', claims);
      expect(replyText(r)).toBe(nl('digest:commands.notLead', { project: 'Demoproject HoorMij' }));
      // the Emulator channel with an e-mail in channelData, as demos used to play a lead
      const emulator = emulatorUser(app.url, 'emulator-lead');
      const e = await emulator.send('digest nu demo', claims);
      expect(replyText(e)).toBe(nl('digest:commands.notLead', { project: 'Demoproject HoorMij' }));
      const subs = await app.app.store.listSubscriptions('demo');
      expect(subs.map((x) => x.ref.conversation.id)).not.toEqual(expect.arrayContaining(['conv-intruder']));
    });

    it('cannot take over the safeguarding contact, and the next alert still goes to the real one', async () => {
      const r = await teams('29:intruder', 'conv-intruder', SAFE).send('veiligheid aanmelden demo', { channelData: { email: 'vertrouwenspersoon@example.org' } });
      expect(replyText(r)).toBe(nl('digest:commands.notSafeguardingContact', { project: 'Demoproject HoorMij' }));
      expect((await loadSafeguardingContact(app.app.store, 'demo'))?.ref.conversation.id).toBe('conv-safe');
      const notifier = createTeamsSafeguardingNotifier(app.app, app.runtime, { retry: FAST });
      expect(await notifier.notify({ project: 'demo', team: 'wijkteam-zuid', sessionCode: null, at: clock.now().toISOString(), categories: ['abuse'] })).toBe('sent');
      expect(connector.to('conv-intruder')).toEqual([]);
    });
  });
});
