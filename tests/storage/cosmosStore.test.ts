import { openCosmosStore } from '../../storage/cosmos';
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
