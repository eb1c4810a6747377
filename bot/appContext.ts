import type { ActivityHandler, TurnContext } from 'botbuilder';
import type { Clock } from '../core/clock';
import type { ConfigData } from '../core/configData';
import type { ThemeTagger } from '../core/themes/types';
import type { TranslatorFactory } from '../core/translate';
import type { Store } from '../storage/port';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Secrets } from './secrets';
import type { ValidatedCloudAdapter } from './validatedAdapter';

/** Everything built once in the composition root (bot/app.ts) and handed to the parts. */
export interface AppContext {
  config: Config;
  logger: Logger;
  store: Store;
  clock: Clock;
  data: ConfigData;
  secrets: Secrets;
  translatorFor: TranslatorFactory;
  tagger: ThemeTagger;
}

/** The bot and adapter as channel modules (Direct Line, WhatsApp, digest delivery) need them. */
export interface BotRuntime {
  adapter: ValidatedCloudAdapter;
  bot: ActivityHandler;
}

/**
 * A turn hook that runs before the feedback dialogs: returns true when it handled the turn
 * (e.g. the digest commands of a project lead in Teams).
 */
export type TurnInterceptor = (context: TurnContext) => Promise<boolean>;

/** A channel or background job registered by the composition root; closed on shutdown. */
export interface Closable {
  close(): Promise<void>;
}
