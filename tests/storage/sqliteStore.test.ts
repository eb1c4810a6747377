import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, openSqliteStore, SchemaTooNewError, type SqliteStore } from '../../storage/sqlite';
import type { ResponseRecord } from '../../core/types';
import { describeStoreContract, makeParticipant, makeResponse, newProject, newPseudonym } from './storeContract';

const tempDirs: string[] = [];
function tempFile(name = 'hoormij.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-sqlite-'));
  tempDirs.push(dir);
  return join(dir, name);
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describeStoreContract('sqlite', () => openSqliteStore(tempFile()));

describe('SQLite store', () => {
  const open: SqliteStore[] = [];
  async function openAt(file: string): Promise<SqliteStore> {
    const s = await openSqliteStore(file);
    open.push(s);
    return s;
  }
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('creates the data folder when it does not exist', async () => {
    const file = join(tempFile(), '..', 'nested', 'deeper', 'hoormij.sqlite');
    const store = await openAt(file);
    await store.ping();
    expect(existsSync(file)).toBe(true);
  });

  it('runs in WAL mode with synchronous NORMAL, a busy timeout and foreign keys on', async () => {
    const file = tempFile();
    const store = await openAt(file);
    expect(store.pragma('journal_mode')).toBe('wal');
    expect(store.pragma('synchronous')).toBe(1); // 1 = NORMAL
    expect(store.pragma('busy_timeout')).toBeGreaterThanOrEqual(1000);
    expect(store.pragma('foreign_keys')).toBe(1);
    // WAL is a property of the file: a plain connection sees it too
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('keeps answers, claims, seen message ids and bot state after close and reopen', async () => {
    const file = tempFile();
    const first = await openSqliteStore(file);
    const p = makeParticipant();
    const r = makeResponse({ participant: p.id, text: 'blijft bewaard', themes: ['waiting'] });
    await first.saveParticipant(p);
    await first.addResponse(r);
    expect(await first.claimDigest('demo', '2026-W10', 'one', '2026-03-09T07:00:00.000Z')).toBe(true);
    expect(await first.markMessageSeen('whatsapp', 'wamid.1', '2026-03-03T10:00:00.000Z')).toBe(true);
    await first.botStorage.write({ [`p/${p.id}/conversation`]: { step: 3 } });
    const eTag = (await first.botStorage.read([`p/${p.id}/conversation`]))[`p/${p.id}/conversation`].eTag;
    await first.close();

    const second = await openAt(file);
    expect(await second.getParticipant(p.id)).toEqual(p);
    expect(await second.listResponsesOfParticipant(p.id)).toEqual([r]);
    expect(await second.claimDigest('demo', '2026-W10', 'two', '2026-03-09T07:00:01.000Z')).toBe(false);
    expect((await second.getDigestClaim('demo', '2026-W10'))?.owner).toBe('one');
    expect(await second.markMessageSeen('whatsapp', 'wamid.1', '2026-03-03T10:00:01.000Z')).toBe(false);
    expect(await second.botStorage.read([`p/${p.id}/conversation`])).toEqual({
      [`p/${p.id}/conversation`]: { step: 3, eTag },
    });
  });

  it('leaves no trace of an erased participant in the database file or its WAL, while open and after close', async () => {
    const file = tempFile();
    const store = await openSqliteStore(file);
    const p = makeParticipant();
    const other = makeParticipant();
    const secret = 'wachtlijst-verhaal-zonder-naam-7731';
    await store.saveParticipant(p);
    await store.saveParticipant(other);
    await store.addResponse(makeResponse({ participant: other.id, text: 'blijft gewoon staan' }));
    for (let i = 0; i < 3; i++) await store.addResponse(makeResponse({ participant: p.id, text: `${secret} ${i}` }));
    await store.botStorage.write({ [`p/${p.id}/user`]: { profile: { role: 'youth' } } });
    const raw = () =>
      [file, `${file}-wal`]
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f).toString('latin1'))
        .join('');
    // which traces are left in the raw bytes (a plain list keeps a failure readable)
    const leftOf = (traces: string[]) => traces.filter((trace) => raw().includes(trace));
    expect(leftOf([secret])).toEqual([secret]);

    await store.eraseParticipant(p.id);
    expect(leftOf([secret, p.id, p.code])).toEqual([]);
    expect(leftOf(['blijft gewoon staan'])).toEqual(['blijft gewoon staan']);
    await store.close();
    expect(leftOf([secret, p.id, p.code])).toEqual([]);
  });

  it('forgets seen-message markers, delivery statuses and stuck inbox entries recorded before the cut-off, and only those', async () => {
    const store = await openAt(tempFile());
    await store.addToInbox({ channel: 'whatsapp', id: 'stuck', payload: 'sealed', receivedAt: '2026-01-01T10:00:00.000Z' });
    await store.addToInbox({ channel: 'whatsapp', id: 'waiting', payload: 'sealed', receivedAt: '2026-03-01T10:00:00.000Z' });
    expect(await store.markMessageSeen('whatsapp', 'old', '2026-01-01T10:00:00.000Z')).toBe(true);
    expect(await store.markMessageSeen('whatsapp', 'new', '2026-03-01T10:00:00.000Z')).toBe(true);
    await store.recordDeliveryStatus({ channel: 'whatsapp', messageId: 'old', status: 'delivered', errorCode: null, at: '2026-01-01T10:00:01.000Z' });
    await store.recordDeliveryStatus({ channel: 'whatsapp', messageId: 'new', status: 'read', errorCode: null, at: '2026-03-01T10:00:01.000Z' });

    expect(await store.pruneChannelRecordsBefore('2026-02-01T00:00:00.000Z')).toBe(3);
    expect(await store.pruneChannelRecordsBefore('2026-02-01T00:00:00.000Z')).toBe(0);
    expect((await store.listInbox('whatsapp', 10)).map((e) => e.id)).toEqual(['waiting']);
    // the old marker is gone (a retry that late is handled as new), the recent one still stops a retry
    expect(await store.markMessageSeen('whatsapp', 'new', '2026-03-01T10:05:00.000Z')).toBe(false);
    expect(await store.markMessageSeen('whatsapp', 'old', '2026-03-01T10:05:00.000Z')).toBe(true);
    await expect(store.pruneChannelRecordsBefore('not a date')).rejects.toThrow(/prune instant/);
  });

  it('leaves no copy of text removed by retention in the database file or its WAL', async () => {
    const file = tempFile();
    const store = await openAt(file);
    const old = 'oude-tekst-die-weg-moet-4410';
    await store.addResponse(makeResponse({ text: old, createdAt: '2025-01-06T10:00:00.000Z', week: '2025-W02' }));
    await store.addResponse(makeResponse({ text: 'nieuwe tekst blijft', createdAt: '2026-03-03T10:00:00.000Z' }));
    const raw = () =>
      [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(raw().includes(old)).toBe(true);
    expect(await store.purgeTextBefore('2026-01-01T00:00:00.000Z')).toBe(1);
    expect(raw().includes(old)).toBe(false);
    expect(raw().includes('nieuwe tekst blijft')).toBe(true);
  });

  it('leaves an existing file as it is when migrations run again', async () => {
    const file = tempFile();
    const first = await openSqliteStore(file);
    const r = makeResponse();
    await first.addResponse(r);
    await first.close();

    const second = await openAt(file);
    await second.init();
    await second.init();
    expect(second.pragma('user_version')).toBe(MIGRATIONS.length);
    expect(await second.listResponsesOfParticipant(r.participant)).toEqual([r]);
  });

  it('moves a file of the first schema version forward, keeping its digest subscriptions', async () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    MIGRATIONS[0](raw);
    raw.pragma('user_version = 1');
    const ref = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: 'a:1' }, bot: { id: '28:bot' }, user: { id: '29:lead' } };
    raw.prepare('INSERT INTO subscriptions (project, lead, ref, locale, created_at) VALUES (?, ?, ?, ?, ?)').run('demo', 'lead-1', JSON.stringify(ref), 'nl', '2026-03-01T10:00:00.000Z');
    raw.close();

    const store = await openAt(file);
    expect(store.pragma('user_version')).toBe(MIGRATIONS.length);
    expect(await store.listSubscriptions('demo')).toEqual([{ project: 'demo', lead: 'lead-1', ref, locale: 'nl', createdAt: '2026-03-01T10:00:00.000Z' }]);
    await store.saveSubscription({ project: 'demo', lead: 'lead-1', ref, locale: 'nl', createdAt: '2026-03-02T10:00:00.000Z', leadKey: 'k'.repeat(32) });
    expect((await store.listSubscriptions('demo'))[0].leadKey).toBe('k'.repeat(32));
  });

  it('refuses a file written by a newer schema version', async () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    await expect(openSqliteStore(file)).rejects.toThrow(SchemaTooNewError);
    await expect(openSqliteStore(file)).rejects.toThrow(/newer than this HoorMij knows/);
  });

  it('grants a digest claim once when two stores share the file', async () => {
    const file = tempFile();
    const [a, b] = [await openAt(file), await openAt(file)];
    const project = newProject();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).claimDigest(project, '2026-W10', `owner-${i}`, '2026-03-09T07:00:00.000Z'),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.getDigestClaim(project, '2026-W10')).toEqual(await b.getDigestClaim(project, '2026-W10'));
    expect(await a.markMessageSeen('whatsapp', 'wamid.x', '2026-03-03T10:00:00.000Z')).toBe(true);
    expect(await b.markMessageSeen('whatsapp', 'wamid.x', '2026-03-03T10:00:00.000Z')).toBe(false);
  });

  it('detects an eTag conflict between two stores on the same file', async () => {
    const file = tempFile();
    const [a, b] = [await openAt(file), await openAt(file)];
    const key = `p/${newPseudonym()}/conversation`;
    await a.botStorage.write({ [key]: { v: 1 } });
    const eTag = (await b.botStorage.read([key]))[key].eTag as string;
    await a.botStorage.write({ [key]: { v: 2, eTag } });
    await expect(b.botStorage.write({ [key]: { v: 3, eTag } })).rejects.toThrow(
      `Storage: error writing "${key}" due to eTag conflict.`,
    );
    expect((await b.botStorage.read([key]))[key].v).toBe(2);
  });

  it('writes the other keys of a write that conflicts on one key, as MemoryStorage does', async () => {
    const store = await openAt(tempFile());
    const [k1, k2] = [`p/${newPseudonym()}/a`, `p/${newPseudonym()}/b`];
    await store.botStorage.write({ [k1]: { v: 1 } });
    await expect(store.botStorage.write({ [k1]: { v: 2, eTag: 'stale' }, [k2]: { v: 2 } })).rejects.toThrow(
      `Storage: error writing "${k1}" due to eTag conflict.`,
    );
    const got = await store.botStorage.read([k1, k2]);
    expect(got[k1].v).toBe(1);
    expect(got[k2].v).toBe(2);
  });

  describe('across processes', () => {
    const children: ChildProcess[] = [];
    afterEach(() => {
      for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
    });

    function startWorker(file: string): Promise<ChildProcess> {
      const child = fork(join(__dirname, 'fixtures', 'storeWorker.js'), [file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      return new Promise((resolve, reject) => {
        child.once('message', (m: { ready?: boolean; error?: string }) =>
          m.ready ? resolve(child) : reject(new Error(`worker failed to start: ${m.error}`)),
        );
        child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
      });
    }

    function ask<T>(child: ChildProcess, msg: object): Promise<T> {
      return new Promise((resolve, reject) => {
        child.once('message', (m: { ok: boolean; error?: string } & T) =>
          m.ok ? resolve(m) : reject(new Error(`worker: ${m.error}`)),
        );
        child.send(msg);
      });
    }

    it('grants a digest claim to exactly one of three processes racing for it', async () => {
      const file = tempFile();
      // create and migrate the file first, as the running bot would have
      const local = await openAt(file);
      const workers = await Promise.all([startWorker(file), startWorker(file), startWorker(file)]);
      const project = newProject();
      const replies = await Promise.all(
        workers.map((w, i) =>
          ask<{ results: boolean[] }>(w, { op: 'claim', project, week: '2026-W10', owner: `proc-${i}`, at: '2026-03-09T07:00:00.000Z', times: 10 }),
        ),
      );
      const wins = replies.flatMap((r) => r.results).filter(Boolean);
      expect(wins).toHaveLength(1);
      expect(await local.claimDigest(project, '2026-W10', 'parent', '2026-03-09T07:00:00.000Z')).toBe(false);

      const ids = Array.from({ length: 50 }, (_, i) => `wamid.${i}`);
      const seen = await Promise.all(workers.map((w) => ask<{ results: boolean[] }>(w, { op: 'seen', ids, at: '2026-03-09T07:00:00.000Z' })));
      const firstTimes = ids.map((_, i) => seen.filter((s) => s.results[i]).length);
      expect(firstTimes).toEqual(ids.map(() => 1));
      await Promise.all(workers.map((w) => ask(w, { op: 'close' })));
    });

    it('lets exactly one of three processes take over a stale claim', async () => {
      const file = tempFile();
      const local = await openAt(file);
      const project = newProject();
      const lease = 15 * 60_000;
      expect(await local.claimDigest(project, '2026-W10', 'crashed', '2026-03-09T07:00:00.000Z', lease)).toBe(true);
      const workers = await Promise.all([startWorker(file), startWorker(file), startWorker(file)]);
      const at = '2026-03-09T07:15:00.001Z';
      const replies = await Promise.all(
        workers.map((w, i) => ask<{ results: boolean[] }>(w, { op: 'claim', project, week: '2026-W10', owner: `proc-${i}`, at, leaseMs: lease, times: 10 })),
      );
      expect(replies.flatMap((r) => r.results).filter(Boolean)).toHaveLength(1);
      expect((await local.getDigestClaim(project, '2026-W10'))?.owner).toMatch(/^proc-\d-\d$/);
      await Promise.all(workers.map((w) => ask(w, { op: 'close' })));
    });
  });

  it('stores a batch all or nothing: one bad row leaves none of the batch behind', async () => {
    const store = await openAt(tempFile());
    const project = newProject();
    const good = Array.from({ length: 5 }, (_, i) => makeResponse({ project, question: `q${i}` }));
    // NOT NULL on project: the fourth row fails after three were written inside the transaction
    const bad = { ...makeResponse({ project }), project: null } as unknown as ResponseRecord;
    // better-sqlite3's native addon keeps the error class of the first jest realm that loaded it,
    // so match the message rather than rely on toThrow's instanceof check.
    const failure: unknown = await store.addResponses([...good.slice(0, 3), bad, ...good.slice(3)]).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(String((failure as { message?: unknown } | undefined)?.message)).toMatch(/NOT NULL/);
    expect(await store.listResponsesForWeek(project, '2026-W10')).toEqual([]);
    expect(await store.addResponses(good)).toBe(5);
  });

  it('streams an export of several pages in order without gaps or repeats, while other calls go on', async () => {
    const store = await openAt(tempFile());
    const project = newProject();
    const rows = Array.from({ length: 2345 }, (_, i) =>
      makeResponse({
        project,
        id: `r-${String((i * 7919) % 2345).padStart(5, '0')}`,
        // groups of identical instants put the id tie-break at page edges
        createdAt: new Date(Date.UTC(2026, 2, 3, 0, 0, Math.floor(i / 3))).toISOString(),
      }),
    );
    for (const r of rows) await store.addResponse(r);
    await store.addResponse(makeResponse({ project: newProject() }));

    const expected = [...rows]
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1))
      .map((r) => r.id);
    const got: string[] = [];
    for await (const r of store.exportResponses({ project })) {
      got.push(r.id);
      // the connection stays usable in the middle of an export
      if (got.length % 1000 === 1) await store.addAudit({ at: r.createdAt, actor: 'system', action: 'export', target: project, rows: got.length });
    }
    expect(got).toEqual(expected);
    expect((await collect(store.exportResponses({}))).filter((r) => r.project === project)).toHaveLength(2345);
  });

  it('rejects an export or purge bound that is not a date', async () => {
    const store = await openAt(tempFile());
    await expect(collect(store.exportResponses({ since: 'last tuesday' }))).rejects.toThrow(/not an ISO date/);
    await expect(store.purgeTextBefore('soon')).rejects.toThrow(/not an ISO date/);
  });

  it('fails with a clear error once closed, and ping says so', async () => {
    const file = tempFile();
    const store = await openSqliteStore(file);
    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toThrow(`SQLite store at ${file} is closed`);
    await expect(store.addResponse(makeResponse())).rejects.toThrow(/is closed/);
    await expect(store.claimDigest('demo', '2026-W10', 'x', '2026-03-09T07:00:00.000Z')).rejects.toThrow(/is closed/);
    await expect(store.botStorage.write({ 'p/x/y': { v: 1 } })).rejects.toThrow(/is closed/);
    await expect(store.botStorage.read(['p/x/y'])).rejects.toThrow(/is closed/);
    await expect(collect(store.exportResponses({}))).rejects.toThrow(/is closed/);
  });

  it('reports an unusable path when opening', async () => {
    const blocker = tempFile('not-a-folder');
    new BetterSqlite3(blocker).close();
    await expect(openSqliteStore(join(blocker, 'hoormij.sqlite'))).rejects.toThrow(/not-a-folder/);
  });

  describe('bot state kept in memory between turns', () => {
    it('reads what another connection (another process) wrote to the same file since its own last read', async () => {
      const file = tempFile();
      const here = await openAt(file);
      const there = await openAt(file);
      const key = `p/${newPseudonym()}/user`;
      await here.botStorage.write({ [key]: { profile: { role: 'youth' } } });
      expect((await here.botStorage.read([key]))[key]).toMatchObject({ profile: { role: 'youth' } });
      await there.botStorage.write({ [key]: { profile: { role: 'parent' } } });
      expect((await here.botStorage.read([key]))[key]).toMatchObject({ profile: { role: 'parent' } });
      await there.botStorage.delete([key]);
      expect(await here.botStorage.read([key])).toEqual({});
    });

    it('sees a document another connection created after this one found the key empty', async () => {
      const file = tempFile();
      const here = await openAt(file);
      const there = await openAt(file);
      const key = `p/${newPseudonym()}/conv/abc`;
      expect(await here.botStorage.read([key])).toEqual({});
      await there.botStorage.write({ [key]: { conversation: { welcomed: true } } });
      expect((await here.botStorage.read([key]))[key]).toMatchObject({ conversation: { welcomed: true } });
    });

    it('has forgotten an erased participant right after reading them', async () => {
      const store = await openAt(tempFile());
      const p = makeParticipant();
      await store.saveParticipant(p);
      const keys = [`p/${p.id}/user`, `p/${p.id}/conv/abc`];
      await store.botStorage.write({ [keys[0]]: { profile: { role: 'youth' } }, [keys[1]]: { conversation: { step: 1 } } });
      expect(Object.keys(await store.botStorage.read(keys))).toHaveLength(2);
      await store.eraseParticipant(p.id);
      expect(await store.botStorage.read(keys)).toEqual({});
    });

    it('keeps the stored version, not the refused one, after an eTag conflict', async () => {
      const store = await openAt(tempFile());
      const key = `p/${newPseudonym()}/user`;
      await store.botStorage.write({ [key]: { profile: { role: 'youth' } } });
      await expect(store.botStorage.write({ [key]: { profile: { role: 'parent' }, eTag: 'stale' } })).rejects.toThrow(/eTag conflict/);
      expect((await store.botStorage.read([key]))[key]).toMatchObject({ profile: { role: 'youth' } });
    });

    it('hands out a fresh copy on every read', async () => {
      const store = await openAt(tempFile());
      const key = `p/${newPseudonym()}/user`;
      await store.botStorage.write({ [key]: { profile: { role: 'youth' } } });
      const first = await store.botStorage.read([key]);
      (first[key] as { profile: { role: string } }).profile.role = 'changed in memory';
      expect((await store.botStorage.read([key]))[key]).toMatchObject({ profile: { role: 'youth' } });
    });
  });
});
