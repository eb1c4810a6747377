import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { main } from '../../cli/main';
import { ROOT } from './botHttp';

/** Runs `hoormij <argv>` in-process with its own environment; returns exit code and output. */
export async function runCli(argv: string[], env: Record<string, string>, input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  const errChunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  err.on('data', (c: Buffer) => errChunks.push(c));
  const stdin = new PassThrough();
  stdin.end(input ?? '');
  const code = await main(argv, { CONFIG_DIR: join(ROOT, 'config'), LOG_LEVEL: 'silent', ...env }, out, err, stdin);
  return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr: Buffer.concat(errChunks).toString('utf8') };
}
