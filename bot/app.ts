import type { AddressInfo } from 'node:net';
import type { ActivityHandler } from 'botbuilder';
import { systemClock, type Clock } from '../core/clock';
import { loadConfigData } from '../core/configData';
import { reviewedExamples } from '../core/themes/reviewed';
import { createThemeTagger } from '../core/themes/tagger';
import { translatorFor } from '../locales';
import { registerDirectLine } from '../channels/directline';
import { registerWhatsApp } from '../channels/whatsapp';
import { createStore } from '../storage';
import type { Store } from '../storage/port';
import { registerWebChat } from '../web/serve';
import type { AppContext, BotRuntime, Closable } from './appContext';
import { ClientReusingAuthentication } from './cachingAuthentication';
import { loadConfig } from './config';
import { createDigestCommands, startDigestScheduler } from './digest';
import { createFeedbackBot } from './feedbackBot';
import { createHttpServer } from './httpServer';
import { createProfessionalCommands } from './professionalCommands';
import { createLogger, type Logger } from './logger';
import { startRetentionJob } from './retentionJob';
import { createTeamsSafeguardingNotifier, warnAboutSafeguardingContacts } from './safeguardingNotifier';
import { resolveSecrets } from './secrets';
import { createTurnErrorHandler } from './turnErrorHandler';
import { createUpdateCommands } from './updateCommands';
import { ValidatedCloudAdapter } from './validatedAdapter';

export interface StartOptions {
  /** Environment to read the configuration from (default: the process environment, read in bot/config.ts). */
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** A ready store (tests that simulate outages); default: the one STORAGE selects. */
  store?: Store;
  logger?: Logger;
}

export interface RunningApp {
  url: string;
  port: number;
  app: AppContext;
  runtime: BotRuntime;
  close(): Promise<void>;
}

/** The composition root: builds every part once, wires them, and starts listening. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const config = loadConfig(options.env);
  const logger = options.logger ?? createLogger(config.logLevel);
  const data = loadConfigData(config.configDir);
  const secrets = resolveSecrets(config);
  const store = options.store ?? (await createStore(config));
  const app: AppContext = {
    config,
    logger,
    store,
    clock: options.clock ?? systemClock,
    data,
    secrets,
    translatorFor,
    // Operators' reviews (`npx hoormij themes review`) are learned at every start.
    tagger: createThemeTagger(data.catalogue, { learned: reviewedExamples(await store.listThemeChecks({ by: 'operator' })) }),
  };

  const auth = new ClientReusingAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  const adapter = new ValidatedCloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(app);
  // The bot needs the interceptors and the notifier, which need the runtime: fill it in two steps.
  const runtime = { adapter } as { adapter: ValidatedCloudAdapter; bot: ActivityHandler };
  runtime.bot = createFeedbackBot(app, {
    interceptors: [createUpdateCommands(app), createDigestCommands(app, runtime), createProfessionalCommands(app)],
    safeguarding: createTeamsSafeguardingNotifier(app, runtime),
  });

  const server = createHttpServer(app, runtime);
  registerWebChat(server, app);
  const closables: (Closable | undefined)[] = [
    registerDirectLine(server, app, runtime),
    registerWhatsApp(server, app, runtime),
    startDigestScheduler(app, runtime),
    startRetentionJob(app),
  ];

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  logger.info({ port, storage: store.kind, projects: [...data.projects.keys()] }, 'HoorMij is listening');
  // Reads the store: never in the way of start-up, and a store outage only costs the warning.
  void warnAboutSafeguardingContacts(app).catch((err: Error) =>
    logger.warn({ err: { name: err.name, message: err.message } }, 'could not check the safeguarding contacts at start-up'),
  );

  let closed = false;
  return {
    url,
    port,
    app,
    runtime,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const c of closables) await c?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
