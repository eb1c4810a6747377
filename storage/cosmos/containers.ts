import type { ContainerDefinition, Database, IndexingPolicy } from '@azure/cosmos';
import { CHANNEL_RECORD_DAYS } from '../../core/retention';
import { statusOf, toStorageError } from './errors';

/** Seconds after its last write that Cosmos DB deletes a channel bookkeeping document. */
const CHANNEL_RECORD_TTL_SECONDS = CHANNEL_RECORD_DAYS * 86_400;

/**
 * The containers of one HoorMij database, each partitioned for its access paths (see
 * docs/cosmos.md). Indexing is opt-in: only the paths that queries filter or sort on are indexed,
 * because every indexed term makes each write dearer and free text or sealed contact data has no
 * business in an index. deploy/main.bicep declares the same containers (a test keeps them in step).
 */
export interface ContainerSpec {
  id: string;
  partitionKey: string;
  /** Paths queries filter or sort on, e.g. "/participant". Nothing else is indexed. */
  indexed: string[];
  /** Composite indexes for ORDER BY on two properties. */
  composite?: Array<Array<{ path: string; order: 'ascending' | 'descending' }>>;
  /** Default time to live of the documents, in seconds (Cosmos DB deletes them itself). */
  ttlSeconds?: number;
}

export const CONTAINERS = {
  botState: { id: 'botstate', partitionKey: '/pk', indexed: ['/pk'] },
  responses: {
    id: 'responses',
    partitionKey: '/pk',
    indexed: ['/pk', '/participant', '/project', '/createdAt', '/hasText', '/responseId'],
    composite: [
      [
        { path: '/createdAt', order: 'ascending' },
        { path: '/responseId', order: 'ascending' },
      ],
    ],
  },
  themeChecks: { id: 'themechecks', partitionKey: '/pk', indexed: ['/pk', '/participant', '/project', '/week', '/by', '/answeredAt', '/hasText'] },
  participants: { id: 'participants', partitionKey: '/id', indexed: ['/codeKey'] },
  sessionCodes: { id: 'sessioncodes', partitionKey: '/id', indexed: [] },
  contacts: { id: 'contacts', partitionKey: '/participant', indexed: ['/participant', '/project', '/channel'] },
  updates: { id: 'updates', partitionKey: '/project', indexed: ['/project', '/kind', '/participant', '/number'] },
  subscriptions: { id: 'subscriptions', partitionKey: '/project', indexed: ['/project'] },
  digestClaims: { id: 'digestclaims', partitionKey: '/id', indexed: [] },
  seenMessages: { id: 'seenmessages', partitionKey: '/id', indexed: [], ttlSeconds: CHANNEL_RECORD_TTL_SECONDS },
  deliveryStatuses: { id: 'deliverystatuses', partitionKey: '/pk', indexed: [], ttlSeconds: CHANNEL_RECORD_TTL_SECONDS },
  // one partition per channel: the only query lists a channel's waiting deliveries in order
  inbox: { id: 'inbox', partitionKey: '/channel', indexed: ['/receivedAt'], ttlSeconds: CHANNEL_RECORD_TTL_SECONDS },
  audit: { id: 'audit', partitionKey: '/id', indexed: ['/seq'] },
  doNotContact: { id: 'donotcontact', partitionKey: '/id', indexed: [] },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof CONTAINERS;

export function indexingPolicyOf(spec: ContainerSpec): IndexingPolicy {
  return {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: spec.indexed.map((p) => ({ path: `${p}/?` })),
    excludedPaths: [{ path: '/*' }, { path: '/"_etag"/?' }],
    ...(spec.composite ? { compositeIndexes: spec.composite.map((c) => c.map((x) => ({ ...x }))) } : {}),
  };
}

/**
 * Creates the container when it is missing and checks the partition key of one that exists: a
 * container left over with another key would silently scatter data. With a managed identity the
 * data plane may not create containers (Cosmos RBAC has no such permission), so deploy/main.bicep
 * creates them and this only reads.
 */
export async function ensureContainer(database: Database, spec: ContainerSpec): Promise<void> {
  const operation = `init of container "${spec.id}"`;
  let existing: ContainerDefinition | undefined;
  try {
    existing = (await database.container(spec.id).read()).resource;
  } catch (err) {
    if (statusOf(err) !== 404) throw toStorageError(operation, err);
  }
  if (!existing) {
    try {
      await database.containers.createIfNotExists({
        id: spec.id,
        partitionKey: { paths: [spec.partitionKey] },
        indexingPolicy: indexingPolicyOf(spec),
        ...(spec.ttlSeconds ? { defaultTtl: spec.ttlSeconds } : {}),
      });
    } catch (err) {
      throw toStorageError(operation, err);
    }
    return;
  }
  const paths = existing.partitionKey?.paths ?? [];
  if (paths.length !== 1 || paths[0] !== spec.partitionKey) {
    throw new Error(
      `Cosmos DB container "${spec.id}" is partitioned on ${JSON.stringify(paths)} but HoorMij needs "${spec.partitionKey}"; ` +
        'move its data to a new container or use another COSMOS_DATABASE',
    );
  }
  if (spec.ttlSeconds && existing.defaultTtl !== spec.ttlSeconds) {
    // A container made before the TTL existed. With a managed identity the data plane may not
    // change containers (deploy/main.bicep sets the TTL there): then it stays as it is.
    try {
      await database.container(spec.id).replace({ ...existing, id: spec.id, defaultTtl: spec.ttlSeconds });
    } catch (err) {
      if (statusOf(err) !== 403) throw toStorageError(operation, err);
    }
  }
}
