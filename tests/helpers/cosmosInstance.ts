/**
 * One bot instance for tests/storage/cosmosMultiInstance.test.ts, run as its own Node process
 * (tests/helpers/runTs.js). It opens openCosmosStore against the shared test server and obeys
 * the parent's messages, so two of these race on the same Cosmos database for real.
 */
import { Agent } from 'node:https';
import { loadConfig } from '../../bot/config';
import type { ResponseRecord } from '../../core/types';
import { openCosmosStore } from '../../storage/cosmos';
import type { Store } from '../../storage/port';

export type InstanceCommand =
  | { cmd: 'answer'; responses: ResponseRecord[]; stateKey: string; counterKey: string }
  | { cmd: 'claim'; claims: Array<{ project: string; week: string }> }
  | { cmd: 'exit' };

export type InstanceReply =
  | { reply: 'ready'; pid: number }
  | { reply: 'answered'; written: number; counterConflicts: number }
  | { reply: 'claimed'; won: boolean[] }
  | { reply: 'error'; message: string };

const [endpoint, database, name] = process.argv.slice(2);
const send = (m: InstanceReply) => process.send?.(m);

/** A read-modify-write guarded by the eTag, retried on conflict: no increment may be lost. */
async function increment(store: Store, key: string): Promise<number> {
  for (let conflicts = 0; ; conflicts++) {
    const current = (await store.botStorage.read([key]))[key];
    const next = { count: ((current?.count as number | undefined) ?? 0) + 1, eTag: current?.eTag ?? '' };
    try {
      // For a missing key a non-'*' eTag turns the write into a create, which fails with the
      // eTag conflict when the other process created the key first.
      await store.botStorage.write({ [key]: current ? next : { ...next, eTag: 'not-yet-created' } });
      return conflicts;
    } catch (err) {
      if (!/eTag conflict/.test((err as Error).message)) throw err;
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig({
    STORAGE: 'cosmos',
    COSMOS_ENDPOINT: endpoint,
    COSMOS_KEY: 'local-test-key',
    COSMOS_DATABASE: database,
    PSEUDONYM_SECRET: 'shared-secret-of-both-instances',
    CONTACT_KEY: 'cd'.repeat(32),
  });
  // The local test server's certificate is self-signed; only this loopback agent skips the check.
  const store = await openCosmosStore(config, { agent: new Agent({ rejectUnauthorized: false }) });
  process.on('message', async (m: InstanceCommand) => {
    try {
      if (m.cmd === 'answer') {
        let counterConflicts = 0;
        for (const r of m.responses) {
          await store.addResponse(r);
          await store.botStorage.write({ [m.stateKey]: { lastQuestion: r.question, by: name, eTag: '*' } });
          counterConflicts += await increment(store, m.counterKey);
        }
        send({ reply: 'answered', written: m.responses.length, counterConflicts });
      } else if (m.cmd === 'claim') {
        const won = await Promise.all(m.claims.map((c) => store.claimDigest(c.project, c.week, name, new Date().toISOString())));
        send({ reply: 'claimed', won });
      } else {
        await store.close();
        process.exit(0);
      }
    } catch (err) {
      send({ reply: 'error', message: (err as Error).message });
    }
  });
  send({ reply: 'ready', pid: process.pid });
}

main().catch((err: Error) => {
  send({ reply: 'error', message: err.message });
  process.exit(1);
});
