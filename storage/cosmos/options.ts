import type { Agent } from 'node:http';
import type { RetryOptions } from '@azure/cosmos';
import type { Config } from '../../bot/config';

/** Everything the Cosmos store needs; openCosmosStore builds it from Config. */
export interface CosmosStoreOptions {
  endpoint: string;
  /** Account key; undefined = managed identity / developer login through DefaultAzureCredential. */
  key?: string;
  database: string;
  /** HTTP agent, e.g. one that trusts a test server's self-signed certificate. */
  agent?: Agent;
  /** The SDK's throttling (429) retry policy. */
  retry: Required<RetryOptions>;
  /** Timeout of one HTTP request to Cosmos DB. */
  requestTimeoutMs: number;
  /** ping() gives up after this long, so /healthz and the turn error handler answer quickly. */
  pingTimeoutMs: number;
  /** Items per query page (continuation tokens carry on from there). */
  pageSize: number;
  /** Called with the RU charge of every Cosmos response (bench/cosmosRu.ts). */
  onRequestCharge?: (operation: string, requestCharge: number) => void;
}

/** What callers (tests, the RU bench) may change on top of the configuration. */
export type CosmosStoreOverrides = Partial<Omit<CosmosStoreOptions, 'endpoint' | 'key' | 'database'>>;

/**
 * Defaults sized for a chat turn: Azure Bot Service gives a turn about 15 seconds, so throttled
 * requests are retried for at most 8 seconds (honouring the server's retry-after) and a single
 * request times out after 5.
 */
export const DEFAULT_COSMOS_OPTIONS = {
  retry: { maxRetryAttemptCount: 9, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 8 },
  requestTimeoutMs: 5000,
  pingTimeoutMs: 2000,
  pageSize: 500,
} as const;

export function cosmosOptionsFromConfig(config: Config, overrides: CosmosStoreOverrides = {}): CosmosStoreOptions {
  if (config.storage !== 'cosmos' || !config.cosmos) {
    throw new Error('openCosmosStore needs STORAGE=cosmos and COSMOS_ENDPOINT');
  }
  return {
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    database: config.cosmos.database,
    ...DEFAULT_COSMOS_OPTIONS,
    ...overrides,
    retry: { ...DEFAULT_COSMOS_OPTIONS.retry, ...overrides.retry },
  };
}
