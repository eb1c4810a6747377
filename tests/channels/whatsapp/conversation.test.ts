import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startApp, type RunningApp } from '../../../bot/app';
import { whatsAppChannelOf, type WhatsAppChannel } from '../../../channels/whatsapp';
import { main as cli } from '../../../cli/main';
import { startGraphApiServer, type GraphApiServer, type RecordedSend } from '../../helpers/graphApiServer';
import { tempDataDir } from '../../helpers/botHttp';
import { signatureFor } from '../../../channels/whatsapp/signature';
import { APP_SECRET, inboundWebhook, PHONE_NUMBER_ID, ROOT, textWebhook, WA_TOKEN, whatsappEnv } from './harness';

/** A Dutch mobile number as WhatsApp writes it (wa_id): digits, country code first. */
const PARENT = '31687654321';

interface Interactive {
  type: 'button' | 'list';
  body: { text: string };
  action: { buttons?: Array<{ reply: { id: string; title: string } }>; sections?: Array<{ rows: Array<{ id: string; title: string }> }> };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

function textOf(send: RecordedSend): string {
  const b = send.body as { type: string; text?: { body: string }; interactive?: Interactive };
  return b.type === 'text' ? b.text!.body : b.type === 'interactive' ? b.interactive!.body.text : '';
}

async function exportLines(env: NodeJS.ProcessEnv): Promise<Array<Record<string, unknown>>> {
  let out = '';
  const stdout = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString('utf8');
      done();
    },
  });
  const code = await cli(['export'], env, stdout, new Writable({ write: (_c, _e, d) => d() }));
  expect(code).toBe(0);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('a parent check-in over WhatsApp, end to end', () => {
  let graph: GraphApiServer;
  let running: RunningApp;
  let channel: WhatsAppChannel;
  let env: NodeJS.ProcessEnv;
  let dataDir: string;

  beforeAll(async () => {
    graph = await startGraphApiServer({ phoneNumberId: PHONE_NUMBER_ID, token: WA_TOKEN });
    dataDir = tempDataDir('hoormij-wa-e2e-');
    env = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CONFIG_DIR: join(ROOT, 'config'), DATA_DIR: dataDir, ...whatsappEnv(graph.url) };
    running = await startApp({ env });
    channel = whatsAppChannelOf(running.app)!;
    expect(channel).toBeDefined();
  });

  afterAll(async () => {
    await running?.close();
    await graph?.close();
  });

  /** Every message id that went in or out: Meta's ids embed the number in base64. */
  const messageIds: string[] = [];

  async function post(raw: string): Promise<RecordedSend[]> {
    messageIds.push(...[...raw.matchAll(/"id":"(wamid\.[^"]+)"/g)].map((m) => m[1]));
    const before = graph.sends.length;
    const res = await fetch(`${running.url}/api/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(APP_SECRET, raw) },
      body: raw,
    });
    expect(res.status).toBe(200);
    await channel.whenIdle();
    const replies = graph.sends.slice(before);
    expect(replies.every((s) => s.status === 200 && s.body.to === PARENT)).toBe(true);
    return replies;
  }

  const now = () => running.app.clock.now();
  const text = (body: string) => post(textWebhook(PARENT, body, now()));
  const tapButton = (id: string, title: string) => post(inboundWebhook(PARENT, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } }, now()));
  const tapRow = (id: string, title: string) => post(inboundWebhook(PARENT, { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title } } }, now()));

  function lastInteractive(replies: RecordedSend[]): Interactive | undefined {
    const last = replies[replies.length - 1]?.body as { type: string; interactive?: Interactive } | undefined;
    return last?.type === 'interactive' ? last.interactive : undefined;
  }

  function button(i: Interactive | undefined, pattern: RegExp): { id: string; title: string } {
    const found = i?.action.buttons?.map((b) => b.reply).find((r) => pattern.test(r.id) || pattern.test(r.title));
    if (!found) throw new Error(`no button matching ${pattern} in ${JSON.stringify(i)}`);
    return found;
  }

  it('runs welcome, consent, role and every question, tapping buttons and list rows', async () => {
    let replies = await text('Hoi');
    expect(replies.length).toBeGreaterThan(0);
    let choice = button(lastInteractive(replies), /^ja$/i);
    replies = await tapButton(choice.id, choice.title);

    choice = button(lastInteractive(replies), /ouder/i);
    replies = await tapButton(choice.id, choice.title);

    let scored = 0;
    let open = 0;
    for (let step = 0; step < 12; step++) {
      const i = lastInteractive(replies);
      if (i?.type === 'list') {
        const row = i.action.sections![0].rows.find((r) => r.id === '4')!;
        expect(row.title.length).toBeLessThanOrEqual(24);
        replies = await tapRow(row.id, row.title);
        scored++;
      } else if (i?.type === 'button' && i.action.buttons!.length === 1) {
        // The open question offers only "Overslaan": answer in words, with accents and emoji.
        replies = await text('De wachttijd was lang, maar ze luisteren écht goed 😊');
        open++;
      } else {
        break;
      }
    }
    expect(scored).toBeGreaterThanOrEqual(3);
    expect(open).toBeGreaterThanOrEqual(1);
    expect(replies.map(textOf).join('\n').length).toBeGreaterThan(0);
    for (const send of graph.sends) expect(textOf(send).length).toBeLessThanOrEqual(1024);
  });

  it('puts the answers in the export with channel "whatsapp" and no phone number', async () => {
    const rows = await exportLines(env);
    const mine = rows.filter((r) => r.channel === 'whatsapp');
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.filter((r) => typeof r.score === 'number').map((r) => r.score)).toEqual(expect.arrayContaining([4, 4, 4]));
    expect(mine.some((r) => typeof r.text === 'string' && (r.text as string).includes('wachttijd'))).toBe(true);
    expect(new Set(mine.map((r) => r.participant)).size).toBe(1);
    expect(mine.every((r) => r.role === 'parent' && r.project === 'demo')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(PARENT);
    expect(mine[0].participant).toBe(channel.contacts.pseudonymOf(PARENT));
  });

  it('keeps the number only sealed: no file in DATA_DIR holds it in plain text', async () => {
    const contact = await running.app.store.getContact(channel.contacts.pseudonymOf(PARENT), 'whatsapp');
    expect(contact?.disabled).toBe(false);
    expect(channel.contacts.open(contact!)).toBe(PARENT);
    const files = allFiles(dataDir);
    expect(files.some((f) => f.endsWith('.sqlite-wal') || f.endsWith('-wal'))).toBe(true);
    const needle = Buffer.from(PARENT, 'utf8');
    expect(files.filter((f) => readFileSync(f).includes(needle))).toEqual([]);
    const ids = [...messageIds, ...graph.delivered().map((s) => s.messageId!)];
    expect(ids.length).toBeGreaterThan(10);
    expect(files.filter((f) => ids.some((id) => readFileSync(f).includes(Buffer.from(id, 'utf8'))))).toEqual([]);
  });

  it('erases everything over WhatsApp, the contact record included', async () => {
    const pseudonym = channel.contacts.pseudonymOf(PARENT);
    let replies = await text('verwijder mijn gegevens');
    const confirm = button(lastInteractive(replies), /^ja$/i);
    replies = await tapButton(confirm.id, confirm.title);
    expect(replies.length).toBeGreaterThan(0);
    expect(await running.app.store.getContact(pseudonym, 'whatsapp')).toBeUndefined();
    expect(await running.app.store.getParticipant(pseudonym)).toBeUndefined();
    const rows = await exportLines(env);
    expect(rows.filter((r) => r.participant === pseudonym)).toEqual([]);
    const needle = Buffer.from(PARENT, 'utf8');
    expect(allFiles(dataDir).filter((f) => readFileSync(f).includes(needle))).toEqual([]);
  });
});
