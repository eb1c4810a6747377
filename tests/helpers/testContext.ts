import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity, type ActivityHandler } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import type { AppContext } from '../../bot/appContext';
import { createFeedbackBot, type FeedbackBotOptions } from '../../bot/feedbackBot';
import { createLogger } from '../../bot/logger';
import { resolveSecrets } from '../../bot/secrets';
import { ManualClock } from '../../core/clock';
import { loadConfigData } from '../../core/configData';
import { createThemeTagger } from '../../core/themes/tagger';
import type { ThemeTagger } from '../../core/themes/types';
import { translatorFor } from '../../locales';
import { openSqliteStore } from '../../storage/sqlite';

export const ROOT = join(__dirname, '..', '..');
export const START = new Date('2026-03-10T10:00:00Z');

export interface TestContext {
  app: AppContext;
  clock: ManualClock;
  dataDir: string;
  close(): Promise<void>;
}

let sharedTagger: ThemeTagger | undefined;

/** The tagger trains in about a second: once per test file is enough. */
export function testTagger(): ThemeTagger {
  sharedTagger ??= createThemeTagger(loadConfigData(join(ROOT, 'config')).catalogue);
  return sharedTagger;
}

/** A real AppContext on a fresh SQLite file in a temp dir, with a clock the test moves. */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoormij-dialogs-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
  const clock = new ManualClock(START);
  const app: AppContext = {
    config,
    logger: createLogger('silent'),
    store,
    clock,
    data: loadConfigData(join(ROOT, 'config')),
    secrets: resolveSecrets(config),
    translatorFor,
    tagger: testTagger(),
  };
  return {
    app,
    clock,
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One participant talking to the real bot through botbuilder's TestAdapter. */
export interface TestUser {
  adapter: TestAdapter;
  /** Sends a message (text or a partial activity) and returns every reply of that turn. */
  say(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
}

export function testUser(
  bot: ActivityHandler,
  options: { locale: string; user?: string; conversation?: string; channelId?: string },
): TestUser {
  const conversation = TestAdapter.createConversation(options.conversation ?? `conv-${options.user ?? 'user1'}`, options.user ?? 'user1', 'bot');
  conversation.channelId = options.channelId ?? 'test';
  const adapter = new TestAdapter(conversation);
  adapter.locale = options.locale;
  const logic = async (ctx: Parameters<ActivityHandler['run']>[0]) => bot.run(ctx);
  return {
    adapter,
    async say(input) {
      adapter.activeQueue.splice(0);
      const activity: Partial<Activity> =
        typeof input === 'string' ? adapter.makeActivity(input) : { ...adapter.makeActivity(), ...input };
      activity.locale ??= options.locale;
      // Channels give every activity a unique id; TestAdapter counts from 0 per adapter, which would
      // look like a redelivery to the bot when a second adapter stands in for a restarted process.
      if (typeof input === 'string' || input.id === undefined) activity.id = randomUUID();
      await adapter.processActivity(activity, logic);
      return adapter.activeQueue.splice(0);
    },
  };
}

export function createBot(ctx: TestContext, options: FeedbackBotOptions = {}): ActivityHandler {
  return createFeedbackBot(ctx.app, options);
}

export function texts(replies: Partial<Activity>[]): string[] {
  return replies.map((r) => r.text ?? '');
}

export function suggested(replies: Partial<Activity>[]): string[] {
  return replies.flatMap((r) => (r.suggestedActions?.actions ?? []).map((a) => String(a.value)));
}
