import { userInfo } from 'node:os';
import { loadConfig, type Config } from '../bot/config';
import { resolveSecrets, type Secrets } from '../bot/secrets';
import { loadConfigData, type ConfigData } from '../core/configData';
import type { Translate } from '../core/translate';
import { translatorFor } from '../locales';
import { createStore } from '../storage';
import type { Store } from '../storage/port';

/** What CLI commands share: configuration, data files, a translator and (lazily) the store. */
export interface CliContext {
  config: Config;
  data: ConfigData;
  t: Translate;
  actor: string;
  now: Date;
  secrets(): Secrets;
  store(): Promise<Store>;
  close(): Promise<void>;
}

export function createCliContext(env?: NodeJS.ProcessEnv): CliContext {
  const config = loadConfig(env);
  const data = loadConfigData(config.configDir);
  let store: Promise<Store> | undefined;
  return {
    config,
    data,
    t: translatorFor(config.defaultLocale),
    actor: `cli:${safeUser()}`,
    now: new Date(),
    secrets: () => resolveSecrets(config),
    store: () => (store ??= createStore(config)),
    close: async () => {
      if (store) await (await store).close();
    },
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
