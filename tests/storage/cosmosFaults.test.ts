import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS, createCosmosStore, cosmosOptionsFromConfig, type CosmosStore, openCosmosStore, StorageUnavailableError } from '../../storage/cosmos';
import { isDocumentWrite, startCosmosServer, type CosmosTestServer } from '../helpers/cosmosServer';
import { cosmosConfig } from './cosmosTestTarget';
import { makeParticipant, makeResponse, newProject } from './storeContract';

/**
 * Faults a real account shows and the local Cosmos server never does on its own: throttling,
 * an outage, a hanging endpoint, a container with the wrong partition key. Always local: no fault
 * can be injected into a real account.
 */
describe('Cosmos store under faults', () => {
  let server: CosmosTestServer;
  let store: CosmosStore;

  const open = (database: string, retries = 9) =>
    createCosmosStore(
      cosmosOptionsFromConfig(cosmosConfig(server.endpoint, 'local-test-key', database), {
        agent: server.agent,
        retry: { maxRetryAttemptCount: retries, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 5 },
      }),
    );

  beforeAll(async () => {
    server = await startCosmosServer();
    store = await open('faults');
  });

  afterEach(() => server.setDown(false));

  afterAll(async () => {
    await store?.close();
    await server?.close();
  });

  it('retries throttled writes with the SDK retry policy and stores the answer once', async () => {
    const project = newProject();
    const r = makeResponse({ project });
    const before = server.throttledCount();
    server.throttleNext(3, isDocumentWrite);

    await store.addResponse(r);

    expect(server.throttledCount() - before).toBe(3);
    expect(await store.listResponsesForWeek(project, r.week)).toEqual([r]);
  });

  it('retries a throttled digest claim and still grants it to one caller only', async () => {
    const project = newProject();
    server.throttleNext(4, isDocumentWrite);
    const results = await Promise.all(['a', 'b', 'c'].map((o) => store.claimDigest(project, '2026-W10', o, '2026-03-09T07:00:00.000Z')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('reports throttling that outlasts the retry budget as "unavailable", with nothing stored', async () => {
    const stingy = await open('faults-stingy', 2);
    try {
      const project = newProject();
      const r = makeResponse({ project });
      server.throttleNext(3, isDocumentWrite);
      const err = await stingy.addResponse(r).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StorageUnavailableError);
      expect((err as Error).message).toMatch(/response write.*throttled \(429\)/);
      expect(await stingy.listResponsesForWeek(project, r.week)).toEqual([]);
    } finally {
      await stingy.close();
    }
  });

  it('fails ping and writes with StorageUnavailableError during an outage and writes nothing', async () => {
    const project = newProject();
    const lost = makeResponse({ project });
    const participant = makeParticipant();
    server.setDown(true);

    await expect(store.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.addResponse(lost)).rejects.toThrow(/Cosmos DB is unavailable during response write/);
    await expect(store.saveParticipant(participant)).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.claimDigest(project, '2026-W10', 'me', '2026-03-09T07:00:00.000Z')).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    await expect(store.botStorage.write({ [`p/${participant.id}/user`]: { v: 1 } })).rejects.toBeInstanceOf(StorageUnavailableError);

    server.setDown(false);
    await expect(store.ping()).resolves.toBeUndefined();
    expect(await store.listResponsesForWeek(project, lost.week)).toEqual([]);
    expect(await store.getParticipant(participant.id)).toBeUndefined();
    expect(await store.botStorage.read([`p/${participant.id}/user`])).toEqual({});
    // the claim was never made, so the digest can still be claimed once
    expect(await store.claimDigest(project, '2026-W10', 'me', '2026-03-09T07:00:00.000Z')).toBe(true);
    await store.addResponse(lost);
    expect(await store.listResponsesForWeek(project, lost.week)).toEqual([lost]);
  });

  it('gives up a ping on an endpoint that accepts connections but never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const options = cosmosOptionsFromConfig(cosmosConfig(`https://127.0.0.1:${port}/`, 'k', 'nowhere'), {
      agent: server.agent,
      pingTimeoutMs: 300,
      requestTimeoutMs: 300,
    });
    const { createCosmosClient } = await import('../../storage/cosmos/client');
    const { CosmosStore: Cls } = await import('../../storage/cosmos/cosmosStore');
    const hanging = new Cls(await createCosmosClient(options), options);
    try {
      await expect(hanging.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
    } finally {
      await hanging.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('creates every container with its partition key and refuses one partitioned otherwise', async () => {
    const client = new CosmosClient({ endpoint: server.endpoint, key: 'k', agent: server.agent });
    try {
      const db = client.database('faults');
      for (const spec of Object.values(CONTAINERS)) {
        const { resource } = await db.container(spec.id).read();
        expect({ id: spec.id, paths: resource?.partitionKey?.paths }).toEqual({ id: spec.id, paths: [spec.partitionKey] });
      }

      const { database } = await client.databases.createIfNotExists({ id: 'faults-wrong-key' });
      await database.containers.createIfNotExists({ id: CONTAINERS.responses.id, partitionKey: { paths: ['/id'] } });
      const config = cosmosConfig(server.endpoint, 'k', 'faults-wrong-key');
      await expect(openCosmosStore(config, { agent: server.agent })).rejects.toThrow(
        /container "responses" is partitioned on \["\/id"\] but HoorMij needs "\/pk"/,
      );
    } finally {
      client.dispose();
    }
  });

  it('keeps bot state keys that Cosmos ids cannot hold, and erases them with the participant', async () => {
    const p = makeParticipant();
    const odd = `p/${p.id}/conversation?with#odd\\chars`;
    const long = `p/${p.id}/${'x'.repeat(400)}`;
    await store.botStorage.write({ [odd]: { v: 'odd' }, [long]: { v: 'long' } });
    const got = await store.botStorage.read([odd, long]);
    expect([got[odd]?.v, got[long]?.v]).toEqual(['odd', 'long']);
    expect((await store.eraseParticipant(p.id)).botState).toBe(2);
    expect(await store.botStorage.read([odd, long])).toEqual({});
  });
});
