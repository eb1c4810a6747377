import { CosmosClient } from '@azure/cosmos';
import type { CosmosStoreOptions } from './options';

/**
 * The SDK client: an account key when one is configured, otherwise Entra ID through
 * DefaultAzureCredential (the App Service's managed identity in Azure, `az login` on a laptop).
 */
export async function createCosmosClient(options: CosmosStoreOptions): Promise<CosmosClient> {
  const connectionPolicy = {
    requestTimeout: options.requestTimeoutMs,
    retryOptions: { ...options.retry },
  };
  if (options.key) {
    return new CosmosClient({ endpoint: options.endpoint, key: options.key, agent: options.agent, connectionPolicy, userAgentSuffix: 'hoormij' });
  }
  // Loaded only when needed: the identity library pulls in MSAL, which key-based setups never use.
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new CosmosClient({
    endpoint: options.endpoint,
    aadCredentials: new DefaultAzureCredential(),
    agent: options.agent,
    connectionPolicy,
    userAgentSuffix: 'hoormij',
  });
}
