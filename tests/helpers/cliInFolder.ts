import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './botHttp';

const run = promisify(execFile);

/** The command that runs `hoormij` from the sources as a separate process (see cliProcess.ts). */
export const HOORMIJ = [process.execPath, join(ROOT, 'tests', 'helpers', 'runTs.js'), join(ROOT, 'tests', 'helpers', 'cliProcess.ts')];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `hoormij <argv>` as its own process with `cwd` as the working directory and only the
 * given environment (plus PATH and NODE_OPTIONS), as an operator would from another folder.
 */
export async function runCliIn(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const r = await run(HOORMIJ[0], [...HOORMIJ.slice(1), ...argv], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: process.env.NODE_OPTIONS ?? '', LOG_LEVEL: 'silent', ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
