import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { createCosmosStore, cosmosOptionsFromConfig, type CosmosStore } from '../../storage/cosmos';
import type { InstanceCommand, InstanceReply } from '../helpers/cosmosInstance';
import { startCosmosServer, type CosmosTestServer } from '../helpers/cosmosServer';
import { cosmosConfig } from './cosmosTestTarget';
import { makeParticipant, makeResponse, newProject } from './storeContract';

/** Two bot instances as two real Node processes on one Cosmos database. */

interface Instance {
  child: ChildProcess;
  next(): Promise<InstanceReply>;
  send(m: InstanceCommand): void;
}

function startInstance(endpoint: string, database: string, name: string): Instance {
  const child = fork(join(__dirname, '../helpers/runTs.js'), [join(__dirname, '../helpers/cosmosInstance.ts'), endpoint, database, name], {
    cwd: join(__dirname, '../..'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queue: InstanceReply[] = [];
  const waiting: Array<(m: InstanceReply) => void> = [];
  child.on('message', (m: InstanceReply) => {
    const w = waiting.shift();
    if (w) w(m);
    else queue.push(m);
  });
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w({ reply: 'error', message: `instance ${name} exited with ${code}` });
  });
  return {
    child,
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => waiting.push(resolve))),
    send: (m) => child.send(m),
  };
}

async function expectReply<K extends InstanceReply['reply']>(i: Instance, kind: K): Promise<Extract<InstanceReply, { reply: K }>> {
  const m = await i.next();
  if (m.reply !== kind) throw new Error(`expected "${kind}" from an instance, got ${JSON.stringify(m)}`);
  return m as Extract<InstanceReply, { reply: K }>;
}

describe('two bot instances on one Cosmos database', () => {
  const database = 'multi-instance';
  let server: CosmosTestServer;
  let store: CosmosStore;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    server = await startCosmosServer();
    // Create the containers once, as the deployment does, before the instances start.
    store = await createCosmosStore(
      cosmosOptionsFromConfig(cosmosConfig(server.endpoint, 'local-test-key', database), { agent: server.agent }),
    );
    a = startInstance(server.endpoint, database, 'instance-a');
    b = startInstance(server.endpoint, database, 'instance-b');
    await Promise.all([expectReply(a, 'ready'), expectReply(b, 'ready')]);
  }, 60000);

  afterAll(async () => {
    for (const i of [a, b]) {
      if (i && i.child.exitCode === null) {
        const exited = new Promise((resolve) => i.child.once('exit', resolve));
        i.send({ cmd: 'exit' });
        await exited;
      }
    }
    await store?.close();
    await server?.close();
  });

  it('keeps every answer of one participant written from two conversations at once', async () => {
    const p = makeParticipant();
    await store.saveParticipant(p);
    const project = newProject();
    const answers = (conv: string) =>
      Array.from({ length: 15 }, (_, i) => makeResponse({ project, participant: p.id, runId: `run-${conv}`, question: `q${i}` }));
    const fromA = answers('a');
    const fromB = answers('b');
    const counterKey = `p/${p.id}/answer-counter`;

    a.send({ cmd: 'answer', responses: fromA, stateKey: `p/${p.id}/conv-a`, counterKey });
    b.send({ cmd: 'answer', responses: fromB, stateKey: `p/${p.id}/conv-b`, counterKey });
    const [ra, rb] = await Promise.all([expectReply(a, 'answered'), expectReply(b, 'answered')]);

    expect(ra.written + rb.written).toBe(30);
    const stored = await store.listResponsesOfParticipant(p.id);
    const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
    expect(stored.sort(byId)).toEqual([...fromA, ...fromB].sort(byId));
    expect((await store.listResponsesForWeek(project, fromA[0].week)).length).toBe(30);
    // Conversation state of both conversations survives, and an eTag-guarded counter that both
    // processes incremented 15 times each lost no increment.
    const state = await store.botStorage.read([`p/${p.id}/conv-a`, `p/${p.id}/conv-b`, counterKey]);
    expect([state[`p/${p.id}/conv-a`]?.by, state[`p/${p.id}/conv-b`]?.by]).toEqual(['instance-a', 'instance-b']);
    expect(state[counterKey]?.count).toBe(30);
  });

  it('lets exactly one instance claim each weekly digest', async () => {
    const project = newProject();
    const claims = Array.from({ length: 12 }, (_, i) => ({ project, week: `2026-W${String(i + 10).padStart(2, '0')}` }));

    a.send({ cmd: 'claim', claims });
    b.send({ cmd: 'claim', claims });
    const [ra, rb] = await Promise.all([expectReply(a, 'claimed'), expectReply(b, 'claimed')]);

    claims.forEach((_, i) => expect([ra.won[i], rb.won[i]].filter(Boolean)).toHaveLength(1));
    for (const [i, c] of claims.entries()) {
      const claim = await store.getDigestClaim(c.project, c.week);
      expect(claim?.owner).toBe(ra.won[i] ? 'instance-a' : 'instance-b');
    }
  });
});
