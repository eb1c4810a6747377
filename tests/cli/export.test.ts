import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../../storage/sqlite';
import { makeParticipant, makeResponse } from '../storage/storeContract';
import { runCli } from '../helpers/cliRun';
import { PassThrough } from 'node:stream';
import { createCliContext } from '../../cli/cliContext';
import { runExport } from '../../cli/export';
import { ROOT, tempDataDir } from '../helpers/botHttp';
import { refuseWrites } from '../helpers/storeFaults';

describe('hoormij export', () => {
  let dataDir: string;
  const participant = makeParticipant({ project: 'demo' });

  beforeAll(async () => {
    dataDir = tempDataDir();
    const store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
    await store.saveParticipant(participant);
    await store.addResponse(makeResponse({ project: 'demo', participant: participant.id, score: 4, createdAt: '2026-11-10T10:00:00.000Z', week: '2026-W46' }));
    await store.addResponse(
      makeResponse({ project: 'demo', participant: participant.id, score: null, text: 'Fijn; "echt" goed\n=SUM(A1)', themes: ['listening-respect', 'outcome'], createdAt: '2026-11-17T10:00:00.000Z', week: '2026-W47' }),
    );
    await store.addResponse(makeResponse({ project: 'vlaanderen-demo', participant: participant.id, score: 2, createdAt: '2026-11-18T10:00:00.000Z', week: '2026-W47' }));
    await store.close();
  });

  it('writes one JSON object per answer to stdout with the documented fields', async () => {
    const r = await runCli(['export'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(3);
    for (const key of ['id', 'project', 'team', 'participant', 'role', 'channel', 'questionSet', 'question', 'theme', 'themes', 'score', 'skipped', 'text', 'sentiment', 'flagged', 'locale', 'createdAt']) {
      expect(rows[0]).toHaveProperty(key);
    }
  });

  it('filters by project and by date', async () => {
    const byProject = await runCli(['export', '--project', 'demo'], { DATA_DIR: dataDir });
    expect(byProject.stdout.trim().split('\n')).toHaveLength(2);
    const since = await runCli(['export', '--project', 'demo', '--since', '2026-11-15'], { DATA_DIR: dataDir });
    expect(since.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('writes CSV with semicolons, a UTF-8 BOM and safe quoting to a file', async () => {
    const out = join(dataDir, 'export.csv');
    const r = await runCli(['export', '--project', 'demo', '--format', 'csv', '--out', out], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header] = csv.slice(1).split('\r\n');
    expect(header.split(';').slice(0, 4)).toEqual(['id', 'project', 'team', 'participant']);
    expect(csv).toContain('"Fijn; ""echt"" goed\n=SUM(A1)"');
    expect(csv).toContain('listening-respect,outcome');
  });

  it('records every export in the audit log', async () => {
    await runCli(['export', '--project', 'demo'], { DATA_DIR: dataDir });
    const store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
    const audit = await store.listAudit();
    await store.close();
    expect(audit.filter((a) => a.action === 'export' && a.target === 'demo').length).toBeGreaterThan(0);
    expect(audit.find((a) => a.action === 'export' && a.target === 'demo')?.rows).toBe(2);
  });

  it('hands out no row when its audit record cannot be written (a full disk)', async () => {
    const store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
    const before = (await store.listAudit()).length;
    refuseWrites(store);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ctx = { ...createCliContext({ DATA_DIR: dataDir, CONFIG_DIR: join(ROOT, 'config'), LOG_LEVEL: 'silent' }), store: async () => store };
    try {
      // SQLite's error class comes from the realm of the test file that first loaded the addon,
      // so jest's toThrow may not see it as an Error: compare the message.
      const failure: unknown = await runExport([], ctx, out).then(() => undefined, (e: unknown) => e);
      expect((failure as { message?: unknown } | undefined)?.message).toMatch(/readonly/i);
      expect(Buffer.concat(chunks).toString('utf8')).toBe('');
    } finally {
      await store.close();
    }
    const reopened = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
    expect(await reopened.listAudit()).toHaveLength(before);
    await reopened.close();
  });

  it.each([
    [['export', '--format', 'xml'], /jsonl|csv/],
    [['export', '--project', 'nope'], /nope/],
    [['export', '--since', 'gisteren'], /gisteren/],
    [['export', '--bogus'], /bogus/],
  ])('refuses %j with a clear message', async (argv, message) => {
    const r = await runCli(argv, { DATA_DIR: dataDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
