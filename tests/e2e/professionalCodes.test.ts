import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import type { RunningApp } from '../../bot/app';
import { ManualClock } from '../../core/clock';
import { pseudonymize } from '../../core/pseudonym';
import { translatorFor } from '../../locales';
import { adaptiveCardProblems, TEAMS_MESSAGE_LIMIT_BYTES } from '../helpers/adaptiveCard';
import { emulatorUser, postRaw, replyText, ROOT, startTestApp, suggestedValues, type PostResult } from '../helpers/botHttp';
import { TeamsConnector } from '../helpers/teamsConnector';

const BOTH = '22222222-aaaa-4bbb-8ccc-000000000002';
const STRANGER = '99999999-aaaa-4bbb-8ccc-000000000009';
const NOORD_EMAIL = 'hulpverlener.noord@example.org';
const BASE = 'https://hoormij.example.org';
const NOW = new Date('2026-03-10T10:00:00Z');
const nl = translatorFor('nl');
/** The organisation's contact from config/organisation.json is who can add someone. */
const REFUSAL = nl('sessionCode:teams.notListed', { contact: 'Servicepunt Jeugdhulp Voorbeeldstad', email: 'servicepunt@example.org' });
const en = translatorFor('en');

function testConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-config-'));
  for (const f of ['themes.json', 'question-sets.json', 'organisation.json']) copyFileSync(join(ROOT, 'config', f), join(dir, f));
  const projects = JSON.parse(readFileSync(join(ROOT, 'config', 'projects.json'), 'utf8')) as { projects: { id: string; professionals?: unknown }[] };
  const demo = projects.projects.find((p) => p.id === 'demo')!;
  demo.professionals = {
    'wijkteam-noord': [{ email: NOORD_EMAIL }, { aadObjectId: BOTH }],
    'wijkteam-zuid': [{ aadObjectId: BOTH }],
  };
  writeFileSync(join(dir, 'projects.json'), JSON.stringify(projects));
  return dir;
}

type CardContent = { body: unknown[]; actions?: { data: { hoormijCommand: string } }[] } & Record<string, unknown>;

function cardOf(r: PostResult): CardContent {
  const attachment = r.replies.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!attachment) throw new Error(`no card in ${JSON.stringify(r.replies)}`);
  return attachment.content as CardContent;
}

/** The six-character code as the card shows it in large type. */
function codeOf(card: CardContent): string {
  const match = /"text":"([2-9A-HJKMNP-Z]{6})","wrap":true,"size":"ExtraLarge"/.exec(JSON.stringify(card));
  if (!match) throw new Error('no code in the card');
  return match[1];
}

describe('professionals make a session code in Teams', () => {
  const connector = new TeamsConnector();
  let app: RunningApp;

  const teams = (userId: string, aadObjectId: string | undefined, locale = 'nl-NL') => ({
    send: (text: string, extra: Partial<Activity> = {}): Promise<PostResult> =>
      postRaw(
        app.url,
        JSON.stringify({
          type: 'message',
          id: `m-${Math.random().toString(36).slice(2)}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          deliveryMode: 'expectReplies',
          conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: 'tenant-1' },
          from: { id: userId, name: 'Hulpverlener', aadObjectId },
          recipient: { id: '28:hoormij', name: 'HoorMij' },
          locale,
          text,
          ...extra,
        }),
      ),
  });

  beforeAll(async () => {
    await connector.start();
    // TeamsInfo.getMember asks the connector; only it says who has which e-mail address.
    connector.addMember({ id: '29:noord', aadObjectId: '22222222-aaaa-4bbb-8ccc-000000000001', email: NOORD_EMAIL, userPrincipalName: NOORD_EMAIL });
    connector.addMember({ id: '29:both', aadObjectId: BOTH });
    connector.addMember({ id: '29:stranger', aadObjectId: STRANGER, email: 'iemand@example.org' });
    app = await startTestApp({ CONFIG_DIR: testConfigDir(), PUBLIC_BASE_URL: BASE }, { clock: new ManualClock(NOW) });
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  it('gives a listed professional a valid Adaptive Card 1.5 with a working code, and a young person starts with it', async () => {
    const r = await teams('29:noord', undefined).send('code');
    const card = cardOf(r);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(r.replies[0]))).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    const code = codeOf(card);
    const json = JSON.stringify(card);
    expect(json).toContain(`${BASE}/?code=${code}`);
    expect(json).toContain('data:image/png;base64,');
    expect(json).toContain(nl('sessionCode:card.title', { team: 'wijkteam-noord' }));
    expect(json).toContain(nl('sessionCode:card.line2', { link: BASE, code }));
    expect(json).not.toContain(nl('sessionCode:link.missing', { url: '' }).slice(0, 20));
    expect(card.actions?.[0].data.hoormijCommand).toBe('code wijkteam-noord');
    expect(r.replies[0].summary).toContain(code);
    expect(await app.app.store.getSessionCode(code)).toMatchObject({ project: 'demo', team: 'wijkteam-noord', expiresAt: '2026-04-09T10:00:00.000Z' });

    const young = emulatorUser(app.url, 'young-1');
    expect(replyText(await young.send(`start ${code}`))).toContain(nl('commands:code.accepted'));
    for (const text of ['ja', 'jongere', '4']) await young.send(text);
    const rows = await app.app.store.listResponsesOfParticipant(pseudonymize(app.app.secrets.pseudonymSecret, 'emulator', 'young-1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ project: 'demo', team: 'wijkteam-noord' });
  });

  it('makes a fresh code from the card button (an Action.Submit without text)', async () => {
    const first = codeOf(cardOf(await teams('29:noord', undefined).send('sessiecode')));
    const again = await teams('29:noord', undefined).send('', { value: { hoormijCommand: 'code wijkteam-noord' } });
    const fresh = codeOf(cardOf(again));
    expect(fresh).not.toBe(first);
    expect(await app.app.store.getSessionCode(fresh)).toMatchObject({ team: 'wijkteam-noord' });
  });

  it('asks which team when someone works in two, and takes "code <team>"', async () => {
    const both = teams('29:both', BOTH, 'en-US');
    const ask = await both.send('code');
    expect(replyText(ask)).toBe(en('sessionCode:teams.chooseTeam'));
    expect(suggestedValues(ask)).toEqual(['code wijkteam-noord', 'code wijkteam-zuid']);
    const card = cardOf(await both.send('code wijkteam zuid'));
    expect(JSON.stringify(card)).toContain(en('sessionCode:card.title', { team: 'wijkteam-zuid' }));
    expect(await app.app.store.getSessionCode(codeOf(card))).toMatchObject({ team: 'wijkteam-zuid' });
    expect(replyText(await both.send('code leefgroep-1'))).toBe(en('sessionCode:teams.notYourTeam', { team: 'leefgroep-1', teams: 'wijkteam-noord, wijkteam-zuid' }));
  });

  it('refuses someone who is not listed, politely, and says who can add them', async () => {
    const r = await teams('29:stranger', STRANGER).send('code');
    expect(replyText(r)).toBe(REFUSAL);
    expect(r.replies.flatMap((a) => a.attachments ?? [])).toEqual([]);
  });

  it('gives an e-mail address claimed in channelData, or an AAD object id claimed in from, no weight', async () => {
    const r = await teams('29:stranger', STRANGER).send('code', { channelData: { email: NOORD_EMAIL, tenant: { id: 'tenant-1' } } });
    expect(replyText(r)).toBe(REFUSAL);
    // Without MicrosoftAppId only the connector's member look-up says who this is, not from.aadObjectId.
    const claimed = await teams('29:stranger', BOTH).send('code');
    expect(replyText(claimed)).toBe(REFUSAL);
    expect(replyText(r)).toBe(REFUSAL);
    // Someone Teams does not know as a member at all is refused too, whatever the message says.
    const unknown = await teams('29:nobody', undefined).send('code', { channelData: { email: NOORD_EMAIL } });
    expect(replyText(unknown)).toBe(REFUSAL);
  });

  it('lets "code" through to the feedback dialogs outside Teams', async () => {
    const r = await emulatorUser(app.url, 'young-2').send('code', { channelData: { email: NOORD_EMAIL } });
    expect(r.replies.flatMap((a) => a.attachments ?? [])).toEqual([]);
    expect(replyText(r)).toContain(nl('consent:ask'));
  });
});
