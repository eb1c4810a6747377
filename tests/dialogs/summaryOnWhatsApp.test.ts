import { join } from 'node:path';
import { startApp, type RunningApp } from '../../bot/app';
import { whatsAppChannelOf, type WhatsAppChannel } from '../../channels/whatsapp';
import { signatureFor } from '../../channels/whatsapp/signature';
import { translatorFor } from '../../locales';
import { startGraphApiServer, type GraphApiServer, type RecordedSend } from '../helpers/graphApiServer';
import { tempDataDir } from '../helpers/botHttp';
import { APP_SECRET, inboundWebhook, PHONE_NUMBER_ID, ROOT, textWebhook, WA_TOKEN, whatsappEnv } from '../channels/whatsapp/harness';

/**
 * The young person's summary over the real WhatsApp channel (webhook in, Graph API sends out
 * to a local stand-in): it must arrive as readable text, once, never as a card turned into text
 * beside the same text.
 */

interface Sent {
  type: string;
  text?: { body: string };
  interactive?: { type: string; body: { text: string }; action: { buttons?: { reply: { id: string; title: string } }[] } };
}

const body = (s: RecordedSend): Sent => s.body as Sent;
const textOf = (s: RecordedSend): string => body(s).text?.body ?? body(s).interactive?.body.text ?? '';
const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

describe.each([
  ['nl', '31611111111', ['hoi', 'taal nl']],
  ['en', '31622222222', ['hi', 'language en']],
] as const)('the session summary on WhatsApp (%s)', (lng, waId, opening) => {
  const t = translatorFor(lng);
  let graph: GraphApiServer;
  let running: RunningApp;
  let channel: WhatsAppChannel;

  beforeAll(async () => {
    graph = await startGraphApiServer({ phoneNumberId: PHONE_NUMBER_ID, token: WA_TOKEN });
    const env = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CONFIG_DIR: join(ROOT, 'config'), DATA_DIR: tempDataDir('hoormij-wa-summary-'), ...whatsappEnv(graph.url) };
    running = await startApp({ env });
    channel = whatsAppChannelOf(running.app)!;
  });
  afterAll(async () => {
    await running?.close();
    await graph?.close();
  });

  async function post(raw: string): Promise<RecordedSend[]> {
    const before = graph.sends.length;
    const res = await fetch(`${running.url}/api/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor(APP_SECRET, raw) },
      body: raw,
    });
    expect(res.status).toBe(200);
    await channel.whenIdle();
    return graph.sends.slice(before);
  }
  const now = () => running.app.clock.now();
  const say = (text: string) => post(textWebhook(waId, text, now()));
  const tap = (id: string, title: string) =>
    post(inboundWebhook(waId, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } }, now()));
  const tapRow = (id: string) => post(inboundWebhook(waId, { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title: id } } }, now()));

  it('arrives as text, every answer once, followed by what happens next', async () => {
    for (const text of opening) await say(text);
    let replies = await tap(t('consent:yes'), t('consent:yes'));
    expect(textOf(replies[replies.length - 1])).toBe(t('role:ask'));
    replies = await tap(t('role:youth'), t('role:youth'));
    for (const score of ['4', '5', '3', '2']) {
      expect(body(replies[replies.length - 1]).interactive?.type).toBe('list');
      replies = await tapRow(score);
    }
    const open = body(replies[replies.length - 1]).interactive!;
    expect(open.type).toBe('button');
    replies = await tap(open.action.buttons![0].reply.id, open.action.buttons![0].reply.title);

    expect(replies.map((r) => body(r).type)).toEqual(['text', 'text']);
    const [summary, after] = replies.map(textOf);
    const set = running.app.data.questionSets.get('session-check')!;
    expect(occurrences(summary, t('summary:intro'))).toBe(1);
    set.questions
      .filter((q) => q.type === 'scale')
      .forEach((q, i) => {
        const score = [4, 5, 3, 2][i];
        expect(occurrences(summary, q.text[lng])).toBe(1);
        expect(summary).toContain(`• ${q.text[lng]} ${t('summary:score', { score, emoji: t(`scale:emoji.${score}`) })}`);
      });
    expect(summary).toContain(t('summary:worth'));
    // Nothing of a card's markup or a second copy leaks into the text.
    expect(summary).not.toMatch(/\*\*|AdaptiveCard|\{\{/);
    expect(occurrences(summary, t('summary:worth'))).toBe(1);
    expect(after).toBe(t('summary:after.youth'));
  });
});
