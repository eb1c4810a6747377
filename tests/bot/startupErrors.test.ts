import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDataDir } from '../helpers/botHttp';

/** `npm start` as a person sees it: the entry point in a real process, its stderr and exit code. */
function start(env: Record<string, string>): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'tests', 'helpers', 'runTs.js'), join(ROOT, 'bot', 'index.ts')], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: tempDataDir(), CONFIG_DIR: join(ROOT, 'config'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr };
}

describe('start-up errors on npm start', () => {
  it('prints a bad environment variable by name, without a stack trace', () => {
    const r = start({ PORT: 'abc' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('prints a bad config file by name and project, without a stack trace', () => {
    const dir = tempDataDir('hoormij-config-');
    cpSync(join(ROOT, 'config'), dir, { recursive: true });
    const path = join(dir, 'projects.json');
    const data = JSON.parse(readFileSync(path, 'utf8')) as { projects: Record<string, unknown>[] };
    data.projects[0].digestCron = 'elke maandag';
    writeFileSync(path, JSON.stringify(data));
    const r = start({ CONFIG_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('projects.json');
    expect(r.stderr).toContain(`project "${String(data.projects[0].id)}"`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toContain('TypeError');
  });
});
