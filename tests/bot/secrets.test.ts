import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config';
import { resolveSecrets } from '../../bot/secrets';
import { ROOT } from '../helpers/botHttp';

const configOf = (dataDir: string) => loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

describe('the secrets file in DATA_DIR', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hoormij-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once, readable only by its owner, and read back the same at the next start', () => {
    const first = resolveSecrets(configOf(dir));
    const file = join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(resolveSecrets(configOf(dir))).toEqual(first);
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });

  it('survives a first start that dies while writing it (a full disk): the next start works', () => {
    // A file size limit of 0 kills the process (SIGXFSZ) at its first byte written to a file.
    const child = spawnSync('bash', ['-c', 'ulimit -f 0; exec node tests/helpers/runTs.js tests/bot/fixtures/resolveSecretsOnce.ts "$0"', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(child.signal ?? child.status).not.toBe(0);
    expect(child.stdout).not.toContain('resolved');
    const secrets = resolveSecrets(configOf(dir));
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toEqual(secrets);
  });

  it.each([
    ['empty', '', /is empty/],
    ['cut off', '{"pseudonymSecret":"0123456789abcdef01', /is not valid JSON/],
    ['of the wrong shape', '{"pseudonymSecret":42}', /does not hold a pseudonymSecret/],
  ])('refuses to start on a file that is %s, saying what to do, and leaves it alone', (_name, content, why) => {
    const file = join(dir, 'secrets.json');
    writeFileSync(file, content);
    let error: unknown;
    try {
      resolveSecrets(configOf(dir));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(why);
    expect(message).toContain(file);
    expect(message).toMatch(/backup/);
    expect(message).toMatch(/PSEUDONYM_SECRET and CONTACT_KEY/);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});
