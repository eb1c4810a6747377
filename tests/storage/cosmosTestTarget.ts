import { randomBytes } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { loadConfig, type Config } from '../../bot/config';
import type { CosmosStoreOverrides } from '../../storage/cosmos';
import { startCosmosServer, type CosmosTestServer } from '../helpers/cosmosServer';

/**
 * Where the Cosmos tests run: a real account or the Linux emulator when COSMOS_TEST_ENDPOINT is
 * set (COSMOS_TEST_KEY, or empty for `az login` / managed identity), otherwise an in-process
 * @zeit/cosmosdb-server. Each run gets its own database, dropped afterwards.
 */
export interface CosmosTestTarget {
  config: Config;
  overrides: CosmosStoreOverrides;
  /** The local server, or undefined against a real endpoint. */
  server?: CosmosTestServer;
  cleanup(): Promise<void>;
}

export function realCosmosEndpoint(): { endpoint: string; key?: string } | undefined {
  const endpoint = process.env.COSMOS_TEST_ENDPOINT?.trim();
  return endpoint ? { endpoint, key: process.env.COSMOS_TEST_KEY?.trim() || undefined } : undefined;
}

export function cosmosConfig(endpoint: string, key: string | undefined, database: string): Config {
  return loadConfig({
    STORAGE: 'cosmos',
    COSMOS_ENDPOINT: endpoint,
    COSMOS_KEY: key ?? '',
    COSMOS_DATABASE: database,
    PSEUDONYM_SECRET: 'test-secret-of-at-least-16',
    CONTACT_KEY: 'ab'.repeat(32),
  });
}

export async function openCosmosTestTarget(overrides: CosmosStoreOverrides = {}): Promise<CosmosTestTarget> {
  const database = `hoormij-test-${randomBytes(4).toString('hex')}`;
  const real = realCosmosEndpoint();
  if (real) {
    const config = cosmosConfig(real.endpoint, real.key, database);
    return {
      config,
      overrides,
      async cleanup() {
        if (!real.key) return; // with Entra ID the data plane may not drop databases; remove it with az
        const client = new CosmosClient({ endpoint: real.endpoint, key: real.key });
        await client.database(database).delete().catch(() => undefined);
        client.dispose();
      },
    };
  }
  const server = await startCosmosServer();
  return {
    config: cosmosConfig(server.endpoint, 'local-test-key', database),
    overrides: { agent: server.agent, ...overrides },
    server,
    cleanup: () => server.close(),
  };
}
