import { join } from 'node:path';
import { openSqliteStore } from '../../storage/sqlite';
import { tempDataDir } from '../helpers/botHttp';
import { runCli } from '../helpers/cliRun';

describe('hoormij code', () => {
  it('prints the requested number of codes, one per line, and stores them with project and team', async () => {
    const dataDir = tempDataDir();
    const r = await runCli(['code', '--project', 'demo', '--team', 'wijkteam-noord', '--count', '3', '--valid-days', '7'], { DATA_DIR: dataDir });
    expect(r.code).toBe(0);
    const codes = r.stdout.trim().split('\n');
    expect(codes).toHaveLength(3);
    const store = await openSqliteStore(join(dataDir, 'hoormij.sqlite'));
    for (const c of codes) {
      expect(c).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      const stored = await store.getSessionCode(c.toLowerCase());
      expect(stored).toMatchObject({ project: 'demo', team: 'wijkteam-noord' });
      const days = (Date.parse(stored!.expiresAt) - Date.parse(stored!.createdAt)) / 86_400_000;
      expect(days).toBe(7);
    }
    await store.close();
  });

  it.each([
    [['code'], /--project/],
    [['code', '--project', 'onbekend'], /onbekend/],
    [['code', '--project', 'demo', '--team', 'geen-team'], /geen-team/],
    [['code', '--project', 'demo', '--count', '0'], /--count/],
  ])('refuses %j with a clear message', async (argv, message) => {
    const r = await runCli(argv, { DATA_DIR: tempDataDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
