import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ConfigurationBotFrameworkAuthentication, type ActivityHandler } from 'botbuilder';
import type * as restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { AppContext, BotRuntime } from '../../../bot/appContext';
import { loadConfig } from '../../../bot/config';
import { createHttpServer } from '../../../bot/httpServer';
import { ValidatedCloudAdapter } from '../../../bot/validatedAdapter';
import { createLogger } from '../../../bot/logger';
import { resolveSecrets } from '../../../bot/secrets';
import { registerWhatsApp, type WhatsAppChannel, type WhatsAppOptions } from '../../../channels/whatsapp';
import { signatureFor } from '../../../channels/whatsapp/signature';
import { ManualClock } from '../../../core/clock';
import { loadConfigData } from '../../../core/configData';
import { createThemeTagger } from '../../../core/themes/tagger';
import { translatorFor } from '../../../locales';
import { openSqliteStore } from '../../../storage/sqlite';
import { startGraphApiServer, type GraphApiServer } from '../../helpers/graphApiServer';

export const ROOT = join(__dirname, '..', '..', '..');
/** Meta's and Teams' published samples, copied into the repository with their source notes. */
export const PAYLOADS = join(ROOT, 'tests', 'fixtures', 'payloads');
export const APP_SECRET = 'test-app-secret-0123456789';
export const VERIFY_TOKEN = 'test-verify-token';
export const WA_TOKEN = 'test-system-user-token';
/** The business number id used in Meta's example payloads. */
export const PHONE_NUMBER_ID = '106540352242922';

export function payloadText(name: string): string {
  return readFileSync(join(PAYLOADS, `${name}.json`), 'utf8');
}

export function whatsappEnv(graphUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_TOKEN: WA_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_API_BASE_URL: graphUrl,
    ...extra,
  };
}

export interface Harness {
  url: string;
  dataDir: string;
  app: AppContext;
  clock: ManualClock;
  graph: GraphApiServer;
  channel: WhatsAppChannel;
  /** Every log line written, to prove no number or text ends up in logs. */
  logs: string[];
  /** Posts raw bytes exactly as given, signed unless `signature` says otherwise. */
  post(raw: string, signature?: string | null): Promise<number>;
  close(): Promise<void>;
}

export const fastRetry: WhatsAppOptions = { retry: { attempts: 4, baseDelayMs: 2, maxDelayMs: 10 }, invitationCron: false };

/**
 * The WhatsApp channel on the lead's real HTTP server (same body parsing), a real SQLite store
 * in a temp dir and the local Graph API server; the bot is whatever the test passes.
 */
export async function startHarness(
  bot: ActivityHandler,
  options: { env?: Record<string, string>; now?: Date; dataDir?: string; channel?: WhatsAppOptions } = {},
): Promise<Harness> {
  const graph = await startGraphApiServer({ phoneNumberId: PHONE_NUMBER_ID, token: WA_TOKEN });
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hoormij-wa-'));
  const config = loadConfig({ DATA_DIR: dataDir, CONFIG_DIR: join(ROOT, 'config'), LOG_LEVEL: 'debug', ...whatsappEnv(graph.url), ...options.env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const data = loadConfigData(config.configDir);
  const clock = new ManualClock(options.now ?? new Date('2026-03-02T10:00:00Z'));
  const store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
  const app: AppContext = {
    config,
    logger: createLogger('debug', sink),
    store,
    clock,
    data,
    secrets: resolveSecrets(config),
    translatorFor,
    tagger: createThemeTagger(data.catalogue),
  };
  const adapter = new ValidatedCloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const runtime: BotRuntime = { adapter, bot };
  const server: restify.Server = createHttpServer(app, runtime);
  const channel = registerWhatsApp(server, app, runtime, options.channel ?? fastRetry);
  if (!channel) throw new Error('WhatsApp did not register although it is configured');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    dataDir,
    app,
    clock,
    graph,
    channel,
    logs,
    async post(raw, signature) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const sig = signature === undefined ? signatureFor(APP_SECRET, raw) : signature;
      if (sig !== null) headers['x-hub-signature-256'] = sig;
      const res = await fetch(`${url}/api/whatsapp`, { method: 'POST', headers, body: Buffer.from(raw, 'utf8') });
      await res.arrayBuffer();
      return res.status;
    },
    async close() {
      await channel.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await graph.close();
      await store.close();
    },
  };
}

let sequence = 0;

/** A message id shaped like Meta's: base64 that embeds the sender's number (so it must never be stored). */
export function realisticWamid(from: string): string {
  sequence++;
  const tail = `3A${Date.now().toString(16).toUpperCase()}${String(sequence).padStart(6, '0')}`.slice(0, 20).padEnd(20, '0');
  const bytes = Buffer.concat([Buffer.from([0x1c, 0x18, from.length]), Buffer.from(from, 'latin1'), Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, 0x14]), Buffer.from(tail, 'latin1'), Buffer.from([0x00])]);
  return `wamid.${bytes.toString('base64')}`;
}

/** A webhook with one inbound message, as Meta sends it (compact JSON, like the wire). */
export function inboundWebhook(from: string, message: Record<string, unknown>, at: Date): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts: [{ profile: { name: 'Test Ouder' }, wa_id: from }],
              messages: [{ from, id: realisticWamid(from), timestamp: String(Math.floor(at.getTime() / 1000)), ...message }],
            },
            field: 'messages',
          },
        ],
      },
    ],
  });
}

export function textWebhook(from: string, body: string, at: Date): string {
  return inboundWebhook(from, { type: 'text', text: { body } }, at);
}

export function statusWebhook(recipient: string, messageId: string, status: string, at: Date, errorCode?: number): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              statuses: [
                {
                  id: messageId,
                  status,
                  timestamp: String(Math.floor(at.getTime() / 1000)),
                  recipient_id: recipient,
                  ...(errorCode
                    ? {
                        errors: [
                          {
                            code: errorCode,
                            title: 'Re-engagement message',
                            message: 'Re-engagement message',
                            error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
                            href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
                          },
                        ],
                      }
                    : {}),
                },
              ],
            },
            field: 'messages',
          },
        ],
      },
    ],
  });
}
