import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication, MemoryStorage, UserState } from 'botbuilder';
import type { AppContext, BotRuntime, Closable } from '../../../../bot/appContext';
import { loadConfig } from '../../../../bot/config';
import { createHttpServer } from '../../../../bot/httpServer';
import { createLogger } from '../../../../bot/logger';
import { registerDirectLine } from '../../../../channels/directline';
import { ValidatedCloudAdapter } from '../../../../bot/validatedAdapter';
import { ManualClock } from '../../../../core/clock';
import { WEB_CHAT_EVENTS } from '../../../../core/webChatEvents';
import { translatorFor } from '../../../../locales';
import { registerWebChat } from '../../../../web/serve';

/**
 * A small but real bot for protocol tests: welcomes on conversationUpdate, answers messages
 * with a per-user counter kept in UserState (so continuity across conversations is visible),
 * acknowledges the page's join event, fails on "boom" and plays an erasure on "erase me".
 */
export class ProtocolTestBot extends ActivityHandler {
  constructor(userState: UserState) {
    super();
    const count = userState.createProperty<number>('count');
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(`welcome ${member.id}`);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      if (context.activity.text === 'boom') throw new Error('the test bot fails on purpose');
      if (context.activity.text === 'erase me') {
        await context.sendActivity('erased');
        await context.sendActivity({ type: 'event', name: WEB_CHAT_EVENTS.erased });
        return next();
      }
      const n = ((await count.get(context, 0)) ?? 0) + 1;
      await count.set(context, n);
      await context.sendActivity({ type: 'typing' });
      await context.sendActivity({
        text: `echo ${context.activity.text} #${n}`,
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'ok', value: 'ok' }] },
      });
      await next();
    });
    this.onEvent(async (context, next) => {
      const value = context.activity.value as { code?: string; lang?: string } | undefined;
      if (context.activity.name === 'webchat/join') await context.sendActivity(`joined ${value?.code ?? '-'} ${value?.lang ?? '-'}`);
      await next();
    });
    this.onTurn(async (context, next) => {
      await next();
      await userState.saveChanges(context);
    });
  }
}

export interface DirectLineHarness {
  url: string;
  domain: string;
  clock: ManualClock;
  app: AppContext;
  close(): Promise<void>;
}

/** The production HTTP server, Direct Line module and web chat page on a loopback port, with the test bot. */
export async function startDirectLineHarness(env: Record<string, string> = {}): Promise<DirectLineHarness> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  // Direct Line needs config, clock, logger and translations; the store and data files are for the bot.
  const app = { config, clock, logger: createLogger('silent'), translatorFor } as unknown as AppContext;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
  });
  const runtime: BotRuntime = { adapter: new ValidatedCloudAdapter(auth), bot: new ProtocolTestBot(new UserState(new MemoryStorage())) };
  const server = createHttpServer(app, runtime);
  registerWebChat(server, app);
  const directLine: Closable = registerDirectLine(server, app, runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    domain: `${url}/v3/directline`,
    clock,
    app,
    close: async () => {
      await directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function newUserId(): string {
  return `dl_${randomBytes(12).toString('hex')}`;
}

export async function fetchToken(url: string, userId: string, conversationId?: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${url}/api/directline/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(conversationId ? { userId, conversationId } : { userId }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** Resolves when the predicate holds; polls because the client delivers on its own schedule. */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
