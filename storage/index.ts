import { join } from 'node:path';
import type { Config } from '../bot/config';
import type { Store } from './port';
import { openSqliteStore } from './sqlite';

/** Name of the SQLite file inside DATA_DIR. */
export const SQLITE_FILE = 'hoormij.sqlite';

/** The store that STORAGE selects: SQLite under DATA_DIR (default) or Azure Cosmos DB. */
export async function createStore(config: Config): Promise<Store> {
  if (config.storage === 'cosmos') {
    // Loaded only when selected: the embedded default never pulls in the Azure SDK.
    const { openCosmosStore } = await import('./cosmos');
    return openCosmosStore(config);
  }
  return openSqliteStore(join(config.dataDir, SQLITE_FILE));
}
