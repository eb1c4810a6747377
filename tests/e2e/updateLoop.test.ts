import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningApp } from '../../bot/app';
import { runDemoData } from '../../cli/demoData';
import { ManualClock } from '../../core/clock';
import { translatorFor } from '../../locales';
import { emulatorUser, replyText, ROOT, startTestApp, type PostResult } from '../helpers/botHttp';
import { TeamsConnector, teamsUser } from '../helpers/teamsConnector';

const LEAD = '11111111-aaaa-4bbb-8ccc-000000000001';
const MAIL_LEAD = '29:mail-lead';
const LEAD_EMAIL = 'projectleider@example.org';
const STRANGER = '99999999-aaaa-4bbb-8ccc-000000000009';
const nl = translatorFor('nl');
const en = translatorFor('en');
const NOW = new Date('2026-03-10T09:00:00Z');
const CALL_BACK = { nl: 'We bellen binnen twee dagen terug na een aanmelding.', en: 'We call back within two days after a referral.' };

function testConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-config-'));
  for (const f of ['themes.json', 'question-sets.json', 'organisation.json']) copyFileSync(join(ROOT, 'config', f), join(dir, f));
  const projects = JSON.parse(readFileSync(join(ROOT, 'config', 'projects.json'), 'utf8')) as { projects: { id: string; leads: unknown[] }[] };
  projects.projects.find((p) => p.id === 'demo')!.leads = [{ aadObjectId: LEAD }, { email: LEAD_EMAIL }];
  writeFileSync(join(dir, 'projects.json'), JSON.stringify(projects));
  return dir;
}

type Card = { body?: unknown[]; actions?: unknown[] };
type Submit = Record<string, unknown>;

/** Every Action.Submit's data inside the ShowCards of a card ("Reageer" under each theme). */
function replySubmits(card: unknown): Submit[] {
  const out: Submit[] = [];
  const walk = (node: unknown, inShowCard: boolean) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inShowCard));
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (inShowCard && n.type === 'Action.Submit') out.push(n.data as Submit);
    for (const [key, value] of Object.entries(n)) walk(value, inShowCard || (key === 'card' && n.type === 'Action.ShowCard'));
  };
  walk(card, false);
  return out;
}

describe('closing the loop: a lead answers a theme, participants hear it, the digest shows its reach', () => {
  const connector = new TeamsConnector();
  const clock = new ManualClock(NOW);
  let app: RunningApp;

  /** A Teams user on the connector's roster, posting to the real /api/messages. */
  const teams = (userId: string, aadObjectId?: string) => {
    connector.members.set(userId, { id: userId, ...(aadObjectId ? { aadObjectId } : {}), ...(userId === MAIL_LEAD ? { email: LEAD_EMAIL } : {}) });
    return teamsUser(app.url, connector, { id: userId, aadObjectId }, `conv-${userId}`);
  };
  const lead = { send: (text: string, extra: Record<string, unknown> = {}) => teams('29:lead', LEAD).send(text, extra) };
  const cardOf = (r: PostResult) => r.replies.flatMap((a) => a.attachments ?? [])[0]?.content as Card | undefined;

  let submit: Submit;

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp({ CONFIG_DIR: testConfigDir(), K_ANONYMITY: '2' }, { clock });
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    await runDemoData(
      { project: 'demo', weeks: 3 },
      { store: app.app.store, data: app.app.data, tagger: app.app.tagger, secretForPseudonyms: app.app.secrets.pseudonymSecret, now: clock.now() },
      sink,
    );
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  it('puts a Reageer form under each recurring theme of the digest card', async () => {
    const card = cardOf(await lead.send('digest nu demo'));
    const submits = replySubmits(card);
    expect(submits.length).toBeGreaterThan(0);
    expect(JSON.stringify(card)).toContain(nl('digest:reply.action'));
    submit = submits[0];
    expect(submit).toMatchObject({ hoormijUpdate: 'post', project: 'demo', week: '2026-W10', lang: 'nl' });
  });

  it('refuses an update with a phone number, saying what was found, and stores nothing', async () => {
    const r = await lead.send('', { value: { ...submit, updateText: 'Bel Anja op 06-12345678 als het te lang duurt.' } });
    expect(replyText(r)).toContain(nl('digest:update.kind.phone'));
    expect(await app.app.store.listUpdates('demo')).toEqual([]);
  });

  it('refuses someone who is not a lead of the project, whatever the card says', async () => {
    const r = await teams('29:stranger', STRANGER).send('', { value: { ...submit, updateText: CALL_BACK.nl } });
    expect(replyText(r)).toBe(nl('digest:update.notLead', { project: 'Demoproject HoorMij' }));
    // a lead's AAD object id written into the activity counts for nothing: the connector says who it is
    connector.members.set('29:impostor', { id: '29:impostor', aadObjectId: STRANGER });
    const forged = await teamsUser(app.url, connector, { id: '29:impostor', aadObjectId: LEAD }, 'conv-impostor').send('', { value: { ...submit, updateText: CALL_BACK.nl } });
    expect(replyText(forged)).toBe(nl('digest:update.notLead', { project: 'Demoproject HoorMij' }));
    expect(await app.app.store.listUpdates('demo')).toEqual([]);
  });

  it('stores the lead\'s answer as U1 and confirms with the id', async () => {
    const r = await lead.send('', { value: { ...submit, updateText: CALL_BACK.nl, updateTextOther: CALL_BACK.en } });
    const theme = app.app.data.themes.get(String(submit.theme))!.label.nl;
    expect(replyText(r)).toBe(nl('digest:update.saved', { id: 'U1', theme }));
    const [u] = await app.app.store.listUpdates('demo');
    expect(u).toMatchObject({ id: 'U1', project: 'demo', theme: submit.theme, week: '2026-W10', text: CALL_BACK, withdrawnAt: null });
    expect(u.author).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(u)).not.toContain(LEAD);
  });

  it('lets a lead recognised by e-mail (Teams member look-up) withdraw and no one else', async () => {
    const extra = await app.app.store.addUpdate({ project: 'demo', theme: 'safety', week: '2026-W10', text: { nl: 'Tijdelijk' }, author: 'x', createdAt: NOW.toISOString() });
    expect(replyText(await teams('29:stranger', STRANGER).send(`update intrekken ${extra.id} demo`))).toBe(nl('digest:update.notLead', { project: 'Demoproject HoorMij' }));
    const choice = await teams(MAIL_LEAD).send('update intrekken');
    expect(choice.replies.flatMap((a) => a.suggestedActions?.actions ?? []).map((a) => a.value)).toEqual(['update intrekken U2', 'update intrekken U1']);
    expect(replyText(await teams(MAIL_LEAD).send('update intrekken U2'))).toBe(nl('digest:update.withdrawn', { id: 'U2' }));
    expect((await app.app.store.getUpdate('demo', 'U2'))?.withdrawnAt).toBe(NOW.toISOString());
  });

  it.each([
    ['nl-NL', 'parent-nl', nl, CALL_BACK.nl, 'ouder'],
    ['en-US', 'parent-en', en, CALL_BACK.en, 'parent'],
  ] as const)('a parent (%s) who starts a check-in hears it once, then the questions; nieuws repeats it', async (locale, id, t, text, role) => {
    const parent = emulatorUser(app.url, id, locale);
    const theme = app.app.data.themes.get(String(submit.theme))!.label[locale === 'nl-NL' ? 'nl' : 'en'];
    const line = t('updates:line', { context: 'parent', theme: theme.charAt(0).toLowerCase() + theme.slice(1), text });
    expect(replyText(await parent.send('hoi'))).not.toContain(text);
    expect(replyText(await parent.send(locale === 'nl-NL' ? 'ja' : 'yes'))).not.toContain(text);
    const first = replyText(await parent.send(role));
    expect(first).toContain(line);
    expect(first.indexOf(line)).toBeLessThan(first.indexOf(t('questions:intro.parent', { context: 'parent', count: 5 })));
    expect(first).not.toContain('Tijdelijk');
    // a second start during the check-in, and after it, does not repeat it
    expect(replyText(await parent.send('start'))).not.toContain(text);
    for (const answer of ['4', '4', '4', '4', locale === 'nl-NL' ? 'overslaan' : 'skip']) await parent.send(answer);
    expect(replyText(await parent.send('start'))).not.toContain(text);
    expect(replyText(await parent.send(locale === 'nl-NL' ? 'nieuws' : 'news'))).toContain(line);
  });

  it('lists it in the next digest under Wat we deden with its reach', async () => {
    const card = JSON.stringify(cardOf(await lead.send('digest nu demo')));
    expect(card).toContain(nl('digest:done.title'));
    expect(card).toContain(CALL_BACK.nl);
    expect(card).toContain(nl('digest:done.reach', { people: nl('digest:people', { count: 2 }) }));
    expect(card).not.toContain('Tijdelijk');
  });
});
