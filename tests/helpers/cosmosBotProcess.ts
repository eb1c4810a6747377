import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './botHttp';

/**
 * The whole bot (bot/index.ts, the `npm start` entry) as its own Node process, run from source
 * through tests/helpers/runTs.js so it never runs a stale dist/. Several of these against one
 * Cosmos database are several instances behind Azure Bot Service.
 */
export interface BotProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote (pino JSON lines and the start-up line), for failure messages. */
  output(): string;
  /** Parsed pino lines with at least this level (30 info, 40 warn, 50 error, 60 fatal). */
  logs(minLevel?: number): Array<Record<string, unknown>>;
  alive(): boolean;
  /** SIGTERM (the graceful shutdown of bot/index.ts), SIGKILL when it hangs. */
  stop(): Promise<void>;
}

const STARTED = /HoorMij runs at http:\/\/localhost:(\d+)\//;

/** Polls until `check` returns a value, the child dies, or `timeoutMs` passes. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 20_000, intervalMs = 100, process: proc }: { timeoutMs?: number; intervalMs?: number; process?: BotProcess } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (proc && !proc.alive()) throw new Error(`${proc.name} exited while waiting for ${what}:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${proc ? `:\n${proc.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function healthStatus(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return undefined;
  }
}

/**
 * Starts the bot with `env` on top of a minimal environment (PORT 0 on 127.0.0.1) and resolves
 * once /healthz answers 200. The start-up can take several seconds on a busy two-core machine.
 */
export async function startBotProcess(name: string, env: Record<string, string>, startTimeoutMs = 45_000): Promise<BotProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'tests', 'helpers', 'runTs.js'), join(ROOT, 'bot', 'index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let port: number | undefined;
  const collect = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    port ??= Number(STARTED.exec(out)?.[1]) || undefined;
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const proc: BotProcess = {
    name,
    url: '',
    child,
    output: () => out,
    logs: (minLevel = 0) =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => {
          try {
            return JSON.parse(l) as Record<string, unknown>;
          } catch {
            return {};
          }
        })
        .filter((l) => typeof l.level === 'number' && l.level >= minLevel),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (!proc.alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    const p = await waitFor(`${name} to listen`, () => port, { timeoutMs: startTimeoutMs, process: proc });
    proc.url = `http://127.0.0.1:${p}`;
    await waitFor(`${name} to be healthy`, async () => ((await healthStatus(proc.url)) === 200 ? true : undefined), {
      timeoutMs: startTimeoutMs,
      intervalMs: 200,
      process: proc,
    });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}
