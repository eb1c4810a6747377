import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../../../bot/config';
import { createHttpServer } from '../../../bot/httpServer';
import { ValidatedCloudAdapter } from '../../../bot/validatedAdapter';
import { createLogger } from '../../../bot/logger';
import { registerWhatsApp } from '../../../channels/whatsapp';
import { signatureFor } from '../../../channels/whatsapp/signature';
import type { AppContext } from '../../../bot/appContext';
import { translatorFor } from '../../../locales';
import { APP_SECRET, inboundWebhook, payloadText, PHONE_NUMBER_ID, ROOT, startHarness, textWebhook, VERIFY_TOKEN, WA_TOKEN, type Harness } from './harness';
import { RecordingBot } from './testBot';
import { WebhookInbox } from '../../../channels/whatsapp/webhookInbox';
import { readWebhook } from '../../../channels/whatsapp/webhookPayload';
import type { SqliteStore } from '../../../storage/sqlite';
import { refuseWrites } from '../../helpers/storeFaults';

const META_USER = '16505551234';
const nl = translatorFor('nl');
const en = translatorFor('en');

describe('WhatsApp webhook', () => {
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

  function expectNoNumberInLogs(number: string): void {
    for (const line of h.logs) expect(line).not.toContain(number);
  }

  describe('verification handshake (GET)', () => {
    it('answers 200 with the raw hub.challenge when the verify token matches', async () => {
      const res = await fetch(`${h.url}/api/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('1158201444');
    });

    it('answers 403 on a wrong verify token', async () => {
      const res = await fetch(`${h.url}/api/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong`);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('1158201444');
    });

    it('answers 403 when hub.mode is not subscribe or the token is missing', async () => {
      expect((await fetch(`${h.url}/api/whatsapp?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=${VERIFY_TOKEN}`)).status).toBe(403);
      expect((await fetch(`${h.url}/api/whatsapp?hub.mode=subscribe&hub.challenge=1`)).status).toBe(403);
    });
  });

  describe('signature (POST)', () => {
    const raw = payloadText('meta_docs_webhook_text');
    const messageId = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=';

    async function expectNothingProcessed(): Promise<void> {
      await h.channel.whenIdle();
      expect(bot.received).toEqual([]);
      expect(h.graph.sends).toEqual([]);
      // The id was never claimed, so a correctly signed retry would still be processed.
      expect(await h.app.store.markMessageSeen('whatsapp', h.channel.contacts.storedIdOf(messageId), new Date().toISOString())).toBe(true);
    }

    it('refuses a request without X-Hub-Signature-256 with 401 and processes nothing', async () => {
      expect(await h.post(raw, null)).toBe(401);
      await expectNothingProcessed();
    });

    it('refuses a signature made with another secret with 401', async () => {
      expect(await h.post(raw, signatureFor('another-secret', raw))).toBe(401);
      await expectNothingProcessed();
    });

    it('refuses a signature over re-serialised JSON instead of the bytes sent', async () => {
      expect(await h.post(raw, signatureFor(APP_SECRET, JSON.stringify(JSON.parse(raw))))).toBe(401);
      await expectNothingProcessed();
    });

    it('refuses a truncated or malformed signature header', async () => {
      const good = signatureFor(APP_SECRET, raw);
      expect(await h.post(raw, good.slice(0, -2))).toBe(401);
      expect(await h.post(raw, good.replace('sha256=', 'sha1='))).toBe(401);
      await expectNothingProcessed();
    });
  });

  describe('inbound messages', () => {
    it("turns Meta's example text webhook into a whatsapp activity and answers through the Graph API", async () => {
      expect(await h.post(payloadText('meta_docs_webhook_text'))).toBe(200);
      await h.channel.whenIdle();
      expect(bot.received).toHaveLength(1);
      const a = bot.received[0];
      expect(a).toMatchObject({ type: 'message', channelId: 'whatsapp', text: 'Does it come in another color?', locale: 'nl-NL' });
      expect(a.from?.id).toBe(META_USER);
      expect(a.id).toBe('wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=');
      expect(a.conversation?.id).not.toContain(META_USER);
      // The profile name is personal data the bot does not need.
      expect(JSON.stringify(a)).not.toContain('Sheena');

      expect(h.graph.sends).toHaveLength(1);
      const send = h.graph.sends[0];
      expect(send.path).toBe(`/v23.0/${PHONE_NUMBER_ID}/messages`);
      expect(send.authorization).toBe(`Bearer ${WA_TOKEN}`);
      expect(send.body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: META_USER,
        type: 'text',
        text: { preview_url: false, body: 'echo: Does it come in another color?' },
      });
      expectNoNumberInLogs(META_USER);
    });

    it("uses a reply button's id as the activity text", async () => {
      expect(await h.post(payloadText('meta_docs_webhook_interactive_button_reply'))).toBe(200);
      await h.channel.whenIdle();
      expect(bot.received.map((a) => a.text)).toEqual(['change-button']);
    });

    it("uses a list row's id as the activity text", async () => {
      expect(await h.post(payloadText('meta_docs_webhook_interactive_list_reply'))).toBe(200);
      await h.channel.whenIdle();
      expect(bot.received.map((a) => a.text)).toEqual(['priority_express']);
    });

    it("uses a template quick-reply button's payload as the activity text", async () => {
      await h.post(inboundWebhook('31611111111', { type: 'button', button: { payload: 'start', text: 'Start' } }, h.clock.now()));
      await h.channel.whenIdle();
      expect(bot.received.map((a) => a.text)).toEqual(['start']);
    });

    it('verifies the signature over the exact bytes of non-ASCII text (é, ë, emoji)', async () => {
      const text = 'Héél fijn, ik voel me gehoord 😊 — ëcht waar';
      const raw = textWebhook('31622222222', text, h.clock.now());
      expect(Buffer.byteLength(raw, 'utf8')).toBeGreaterThan(raw.length);
      expect(await h.post(raw)).toBe(200);
      await h.channel.whenIdle();
      expect(bot.received.map((a) => a.text)).toEqual([text]);
    });

    it('verifies the signature over escaped unicode exactly as Meta sends it (\\u00e9)', async () => {
      // The JSON source text as Meta sends it: six ASCII characters per escaped code unit.
      const escaped = 'Caf\\u00e9 \\u00eb \\ud83d\\ude0a';
      const raw = textWebhook('31633333333', 'PLACEHOLDER', h.clock.now()).replace('PLACEHOLDER', escaped);
      expect(Buffer.byteLength(raw, 'utf8')).toBe(raw.length);
      expect(await h.post(raw)).toBe(200);
      await h.channel.whenIdle();
      expect(bot.received.map((a) => a.text)).toEqual(['Café ë 😊']);
      // The same content signed over its decoded form must fail: Meta's bytes are what count.
      const decoded = raw.replace(escaped, 'Café ë 😊').replace(/"id":"wamid\.[^"]+"/, '"id":"wamid.OTHER"');
      expect(await h.post(raw.replace(/"id":"wamid\.[^"]+"/, '"id":"wamid.OTHER"'), signatureFor(APP_SECRET, decoded))).toBe(401);
    });

    it('processes batched entries and changes, in order per user', async () => {
      const at = Math.floor(h.clock.now().getTime() / 1000);
      const change = (from: string, items: Array<[string, string, number]>) => ({
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
          contacts: [{ profile: { name: 'X' }, wa_id: from }],
          messages: items.map(([id, body, offset]) => ({ from, id, timestamp: String(at + offset), type: 'text', text: { body } })),
        },
      });
      const raw = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          { id: '1', changes: [change('31644444444', [['wamid.B1', 'eerste', 0], ['wamid.B2', 'tweede', 1]]), change('31655555555', [['wamid.B3', 'anders', 0]])] },
          { id: '2', changes: [change('31644444444', [['wamid.B4', 'derde', 2]])] },
        ],
      });
      expect(await h.post(raw)).toBe(200);
      await h.channel.whenIdle();
      expect(bot.received.filter((a) => a.from?.id === '31644444444').map((a) => a.text)).toEqual(['eerste', 'tweede', 'derde']);
      expect(bot.received.filter((a) => a.from?.id === '31655555555').map((a) => a.text)).toEqual(['anders']);
      expect(h.graph.sends).toHaveLength(4);
    });

    it.each([
      ['image', { type: 'image', image: { id: '1234', mime_type: 'image/jpeg', sha256: 'x' } }],
      ['location', { type: 'location', location: { latitude: 52.1, longitude: 5.1 } }],
      ['reaction', { type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } }],
      ['sticker', { type: 'sticker', sticker: { id: '99', mime_type: 'image/webp' } }],
      ['unknown', { type: 'unknown', errors: [{ code: 131051, title: 'Message type unknown' }] }],
    ])('answers a %s message with a friendly "I can only read text" and does not run the bot', async (_name, message) => {
      await h.post(inboundWebhook('31666666666', message, h.clock.now()));
      await h.channel.whenIdle();
      expect(bot.received).toEqual([]);
      expect(h.graph.sends.map((s) => s.body)).toEqual([
        { messaging_product: 'whatsapp', recipient_type: 'individual', to: '31666666666', type: 'text', text: { preview_url: false, body: nl('whatsapp:unsupported') } },
      ]);
    });

    it('sends no hint at all to someone who typed stop', async () => {
      const user = '31630303030';
      await h.post(textWebhook(user, 'ja', h.clock.now()));
      await h.post(textWebhook(user, 'stop', h.clock.now()));
      await h.channel.whenIdle();
      const before = h.graph.sends.length;
      await h.post(inboundWebhook(user, { type: 'image', image: { id: '1' } }, h.clock.now()));
      await h.channel.whenIdle();
      expect(h.graph.sends.slice(before)).toEqual([]);
    });

    it.each([
      ['a number change', { type: 'system', system: { body: 'User changed number', type: 'user_changed_number' } }],
      ['a removed reaction', { type: 'reaction', reaction: { message_id: 'wamid.X' } }],
    ])('stays silent on %s', async (_name, message) => {
      await h.post(inboundWebhook('31640404040', message, h.clock.now()));
      await h.channel.whenIdle();
      expect(bot.received).toEqual([]);
      expect(h.graph.sends).toEqual([]);
    });

    it("answers unreadable messages in the participant's language", async () => {
      const user = '31677777777';
      await h.post(textWebhook(user, 'ja', h.clock.now()));
      await h.post(textWebhook(user, 'english', h.clock.now()));
      await h.channel.whenIdle();
      await h.post(inboundWebhook(user, { type: 'audio', audio: { id: '5' } }, h.clock.now()));
      await h.channel.whenIdle();
      const last = h.graph.sends[h.graph.sends.length - 1].body as { text: { body: string } };
      expect(last.text.body).toBe(en('whatsapp:unsupported'));
      expect(en('whatsapp:unsupported')).not.toBe(nl('whatsapp:unsupported'));
    });

    it('says "u" to a parent who sends something unreadable', async () => {
      const parent = '31678787878';
      await h.post(textWebhook(parent, 'ja', h.clock.now()));
      await h.channel.whenIdle();
      await h.post(inboundWebhook(parent, { type: 'image', image: { id: '7' } }, h.clock.now()));
      await h.channel.whenIdle();
      const last = h.graph.sends[h.graph.sends.length - 1].body as { text: { body: string } };
      expect(last.text.body).toBe(nl('whatsapp:unsupported', { context: 'parent' }));
      expect(last.text.body).toMatch(/\buw\b/);
    });

    it("passes the participant's stored language to the bot as the activity locale", async () => {
      const user = '31688888888';
      await h.post(textWebhook(user, 'ja', h.clock.now()));
      await h.post(textWebhook(user, 'english', h.clock.now()));
      await h.post(textWebhook(user, 'hallo', h.clock.now()));
      await h.channel.whenIdle();
      expect(bot.received.map((a) => a.locale)).toEqual(['nl-NL', 'nl-NL', 'en-GB']);
    });

    it('ignores a message addressed to another business number', async () => {
      await h.post(textWebhook('31699999999', 'hoi', h.clock.now()).replace(`"phone_number_id":"${PHONE_NUMBER_ID}"`, '"phone_number_id":"999"'));
      await h.channel.whenIdle();
      expect(bot.received).toEqual([]);
    });

    it('maps a typed number back to the choice of a numbered list', async () => {
      const user = '31610101010';
      await h.post(textWebhook(user, 'many', h.clock.now()));
      await h.channel.whenIdle();
      await h.post(textWebhook(user, '11', h.clock.now()));
      await h.channel.whenIdle();
      expect(bot.received.map((a) => a.text)).toEqual(['many', 'k11']);
    });

    it('sends every message of a turn in order and ignores typing', async () => {
      await h.post(textWebhook('31620202020', 'two', h.clock.now()));
      await h.channel.whenIdle();
      expect(h.graph.sends.map((s) => (s.body as { text: { body: string } }).text.body)).toEqual(['eerste', 'tweede']);
    });
  });

  describe('deduplication', () => {
    it('processes a message Meta delivers twice exactly once', async () => {
      const raw = payloadText('meta_docs_webhook_text');
      expect(await h.post(raw)).toBe(200);
      expect(await h.post(raw)).toBe(200);
      await h.channel.whenIdle();
      expect(await h.post(raw)).toBe(200);
      await h.channel.whenIdle();
      expect(bot.received).toHaveLength(1);
      expect(h.graph.sends).toHaveLength(1);
    });

    it('still processes it once after a restart on the same data', async () => {
      const raw = payloadText('meta_docs_webhook_interactive_list_reply');
      await h.post(raw);
      await h.channel.whenIdle();
      const dataDir = h.dataDir;
      await h.close();

      const bot2 = new RecordingBot();
      h = await startHarness(bot2, { dataDir });
      bot2.app = h.app;
      expect(await h.post(raw)).toBe(200);
      await h.channel.whenIdle();
      expect(bot.received).toHaveLength(1);
      expect(bot2.received).toEqual([]);
      expect(h.graph.sends).toEqual([]);
    });
  });
});

describe('WhatsApp webhook inbox (at-least-once)', () => {
  let h: Harness;
  let bot: RecordingBot;
  const start = async (dataDir?: string) => {
    bot = new RecordingBot();
    h = await startHarness(bot, { dataDir });
    bot.app = h.app;
  };
  afterEach(() => h.close());

  it('keeps a verified delivery until it was handled, then forgets it', async () => {
    await start();
    expect(await h.post(textWebhook(META_USER, 'hallo', h.clock.now()))).toBe(200);
    await h.channel.whenIdle();
    expect(bot.received.map((a) => a.text)).toEqual(['hallo']);
    expect(await h.app.store.listInbox('whatsapp', 10)).toEqual([]);
  });

  it('answers 503 when the delivery cannot be kept, so that Meta delivers it again', async () => {
    await start();
    refuseWrites(h.app.store as SqliteStore);
    expect(await h.post(textWebhook(META_USER, 'hallo', h.clock.now()))).toBe(503);
    await h.channel.whenIdle();
    expect(bot.received).toEqual([]);
  });

  it('handles what a crash left in the inbox when the channel starts again, sealed meanwhile', async () => {
    await start();
    const raw = textWebhook(META_USER, 'bewaard bericht', h.clock.now());
    // as if the process died right after the 200: kept, never processed
    await new WebhookInbox(h.app).keep(raw, readWebhook(JSON.parse(raw))!);
    const waiting = await h.app.store.listInbox('whatsapp', 10);
    expect(waiting).toHaveLength(1);
    expect(JSON.stringify(waiting)).not.toMatch(new RegExp(`${META_USER}|bewaard bericht`));
    const dataDir = h.dataDir;
    await h.close();

    await start(dataDir);
    await h.channel.whenIdle();
    expect(bot.received.map((a) => a.text)).toEqual(['bewaard bericht']);
    expect(await h.app.store.listInbox('whatsapp', 10)).toEqual([]);
    // Meta's own retry of the same delivery, later, repeats nothing
    expect(await h.post(raw)).toBe(200);
    await h.channel.whenIdle();
    expect(bot.received).toHaveLength(1);
  });
});

describe('WhatsApp without configuration', () => {
  it('answers 404 on GET and POST /api/whatsapp and registers nothing else', async () => {
    const config = loadConfig({ DATA_DIR: join(ROOT, 'test-artifacts'), CONFIG_DIR: join(ROOT, 'config') });
    const app = { config, logger: createLogger('silent') } as AppContext;
    const runtime = { adapter: new ValidatedCloudAdapter(new ConfigurationBotFrameworkAuthentication({})), bot: new RecordingBot() };
    const server = createHttpServer(app, runtime);
    expect(registerWhatsApp(server, app, runtime)).toBeUndefined();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/whatsapp`;
    try {
      expect((await fetch(`${url}?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x`)).status).toBe(404);
      const raw = payloadText('meta_docs_webhook_text');
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signatureFor('x', raw) }, body: raw });
      expect(res.status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
