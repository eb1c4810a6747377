import type { Config } from '../../bot/config';
import type { Store } from '../port';
import { createCosmosClient } from './client';
import { CosmosStore } from './cosmosStore';
import { type CosmosStoreOptions, type CosmosStoreOverrides, cosmosOptionsFromConfig } from './options';

export { CosmosStore } from './cosmosStore';
export { CosmosBotStorage } from './botStorage';
export { CONTAINERS, type ContainerSpec, indexingPolicyOf } from './containers';
export { StorageRequestError, StorageUnavailableError } from './errors';
export { type CosmosStoreOptions, type CosmosStoreOverrides, DEFAULT_COSMOS_OPTIONS, cosmosOptionsFromConfig } from './options';

/** Opens a store from explicit options, creating the database and containers when missing. */
export async function createCosmosStore(options: CosmosStoreOptions): Promise<CosmosStore> {
  const store = new CosmosStore(await createCosmosClient(options), options);
  try {
    await store.init();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/**
 * STORAGE=cosmos: the store on COSMOS_ENDPOINT / COSMOS_DATABASE, authenticated with COSMOS_KEY or,
 * when that is empty, the managed identity. `overrides` is for tests and the RU bench.
 */
export async function openCosmosStore(config: Config, overrides: CosmosStoreOverrides = {}): Promise<Store> {
  return createCosmosStore(cosmosOptionsFromConfig(config, overrides));
}
