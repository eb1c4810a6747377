import { CosmosClient } from '@azure/cosmos';
import { CHANNEL_RECORD_DAYS } from '../../core/retention';
import { CONTAINERS, openCosmosStore } from '../../storage/cosmos';
import type { Store } from '../../storage/port';
import { openCosmosTestTarget, type CosmosTestTarget } from './cosmosTestTarget';
import { describeStoreContract } from './storeContract';

// The same contract suite as SQLite. Pages of two items make every query walk its continuation
// tokens, which a handful of test rows would otherwise never reach.
let target: CosmosTestTarget | undefined;

describeStoreContract(
  'cosmos',
  async (): Promise<Store> => {
    target = await openCosmosTestTarget({ pageSize: 2 });
    return openCosmosStore(target.config, target.overrides);
  },
  async () => {
    await target?.cleanup();
  },
);

describe('Cosmos containers of channel bookkeeping', () => {
  let local: CosmosTestTarget | undefined;
  afterEach(async () => {
    await local?.cleanup();
    local = undefined;
  });

  const clientOf = (t: CosmosTestTarget) => new CosmosClient({ endpoint: t.config.cosmos!.endpoint, key: t.config.cosmos!.key, agent: t.overrides.agent });

  it('let Cosmos DB delete seen-message markers and delivery statuses after CHANNEL_RECORD_DAYS, also in containers made before', async () => {
    local = await openCosmosTestTarget();
    const client = clientOf(local);
    // a database from before the TTL: seenmessages exists without one
    const { database } = await client.databases.createIfNotExists({ id: local.config.cosmos!.database });
    await database.containers.createIfNotExists({ id: CONTAINERS.seenMessages.id, partitionKey: { paths: [CONTAINERS.seenMessages.partitionKey] } });

    const store = await openCosmosStore(local.config, local.overrides);
    try {
      for (const spec of [CONTAINERS.seenMessages, CONTAINERS.deliveryStatuses, CONTAINERS.inbox]) {
        const { resource } = await database.container(spec.id).read();
        expect(resource?.defaultTtl).toBe(CHANNEL_RECORD_DAYS * 86_400);
      }
      expect((await database.container(CONTAINERS.responses.id).read()).resource?.defaultTtl).toBeUndefined();
      expect(await store.pruneChannelRecordsBefore('2026-01-01T00:00:00.000Z')).toBe(0);
    } finally {
      await store.close();
      client.dispose();
    }
  });
});
