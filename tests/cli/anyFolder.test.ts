import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDataDir } from '../helpers/botHttp';
import { runCliIn } from '../helpers/cliInFolder';

// Each run is its own Node process; on a busy two-core machine a run can take several seconds.
jest.setTimeout(180_000);

describe('hoormij from a folder other than the repository', () => {
  it('finds its own config, locales and Teams package, and keeps DATA_DIR relative to the working directory', async () => {
    const cwd = tempDataDir('hoormij-elsewhere-');
    const demo = await runCliIn(cwd, ['demo-data', '--project', 'demo', '--weeks', '2'], { DATA_DIR: './data' });
    expect(demo).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(join(cwd, 'data', 'hoormij.sqlite'))).toBe(true);

    const exported = await runCliIn(cwd, ['export', '--format', 'csv', '--out', 'answers.csv'], { DATA_DIR: './data' });
    expect(exported.code).toBe(0);
    expect(readFileSync(join(cwd, 'answers.csv'), 'utf8').split('\n').length).toBeGreaterThan(10);

    const pkg = await runCliIn(cwd, ['teams-package', '--bot-id', '8d6f1f0e-3c2b-4a7d-9e51-0a1b2c3d4e5f']);
    expect(pkg.code).toBe(0);
    expect(existsSync(join(cwd, 'hoormij-teams.zip'))).toBe(true);
  });

  it('still reads a CONFIG_DIR of its own relative to the working directory', async () => {
    const cwd = tempDataDir('hoormij-elsewhere-');
    const r = await runCliIn(cwd, ['export'], { CONFIG_DIR: './my-config', DATA_DIR: './data' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join('my-config', 'themes.json'));
  });
});
