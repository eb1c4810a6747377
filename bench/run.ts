import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { benchBrowser, benchBrowserFloor, formatBrowserFigures } from './browser';
import { benchDigest } from './digest';
import { drive, type LoadResult } from './load';
import { benchTagging } from './tagging';
import { benchDangerCheck } from './dangerCheck';

function startServer(script: string, args: string[] = []): Promise<{ child: ChildProcess; port: number }> {
  // As `npm start`: restify 11's spdy dependency touches a deprecated binding at load (DEP0111).
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', join(__dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, port: (JSON.parse(line) as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const SERVERS = [
  ['echo', 'echoServer.js'],
  ['hoormij', 'hoormijServer.js'],
] as const;

function argValue(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

/**
 * Several rounds of one bot as one result: turns/s over all measured seconds, and for the
 * latencies the worst round's figure (the rounds' latencies are not kept to merge).
 */
function combine(runs: LoadResult[]): LoadResult {
  const turns = runs.reduce((n, r) => n + r.turns, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const worst = (pick: (r: LoadResult) => number) => Math.max(...runs.map(pick));
  return {
    label: runs[0].label,
    conversations: runs[0].conversations,
    turns,
    seconds,
    turnsPerSecond: turns / seconds,
    p50: worst((r) => r.p50),
    p95: worst((r) => r.p95),
    p99: worst((r) => r.p99),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}

const fmt = (r: LoadResult) =>
  `${r.label.padEnd(8)} ${String(r.conversations).padStart(4)} conv  ${r.turnsPerSecond.toFixed(0).padStart(6)} turns/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}`;

async function browserSection(out: NodeJS.WritableStream, runs: number): Promise<unknown> {
  out.write(`\n# Web chat: first question with tappable buttons, Chromium headless, median of ${runs}\n`);
  const figures = await benchBrowser(async (dataDir) => {
    const { child, port } = await startServer('hoormijServer.js', [dataDir]);
    return { port, stop: () => child.kill() };
  }, runs);
  for (const f of figures) out.write(`${formatBrowserFigures(f)}\n`);
  const floor = await benchBrowserFloor(runs);
  for (const f of floor) out.write(`${formatBrowserFigures(f)}\n`);
  return { hoormij: figures, floor };
}

/**
 * `npm run bench [-- --rounds N] [-- --quick] [-- --only browser]`: HoorMij against a bare echo
 * bot in the same run (N alternating rounds, default 2), then tagging, the digest and the web
 * chat's first question in a browser.
 */
export async function runBenchmarks(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const quick = argv.includes('--quick');
  if (argValue(argv, '--only') === 'browser') {
    out.write(`\n${JSON.stringify({ browser: await browserSection(out, quick ? 1 : 3) })}\n`);
    return 0;
  }
  const warm = quick ? 1000 : 3000;
  const measure = quick ? 3000 : 10000;
  /**
   * restify's body reader calls the deprecated `new Buffer()` on every request, and for the
   * first 10,000 calls Node captures a stack trace to see whether to warn (DEP0005). A warm-up
   * by time alone lets the faster bot leave that phase before measuring and the slower one pay
   * it while measured; warming both past it measures both in their steady state.
   */
  const warmTurns = 10_500;
  const results: Record<string, unknown> = {};

  const rounds = Number(argValue(argv, '--rounds') ?? 2);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number of at least 1, got ${argValue(argv, '--rounds')}`);
  out.write(`# Conversations over /api/messages (expectReplies), load generator in this process, ${rounds} round(s)\n`);
  for (const conversations of [100, 10]) {
    const runs: Record<'echo' | 'hoormij', LoadResult[]> = { echo: [], hoormij: [] };
    for (let round = 0; round < rounds; round++) {
      // Alternate who goes first, so a machine that gets busier or quieter during the run
      // does not always favour the same bot.
      const order = round % 2 === 0 ? SERVERS : [...SERVERS].reverse();
      for (const [label, script] of order) {
        const { child, port } = await startServer(script);
        try {
          const r = await drive(label, port, conversations, warm, measure, warmTurns);
          runs[label].push(r);
          out.write(`${fmt(r)}\n`);
        } finally {
          child.kill();
        }
      }
    }
    const echo = combine(runs.echo);
    const hoormij = combine(runs.hoormij);
    const ratio = hoormij.turnsPerSecond / echo.turnsPerSecond;
    out.write(`all rounds: ${fmt(echo)}\nall rounds: ${fmt(hoormij)}\n`);
    out.write(`ratio hoormij/echo at ${conversations}: ${(ratio * 100).toFixed(0)}%\n`);
    results[`conversations${conversations}`] = { echo, hoormij, ratio, rounds: runs };
  }

  out.write('\n# Theme tagging\n');
  const tagging = await benchTagging();
  out.write(`${JSON.stringify(tagging)}\n`);
  results.tagging = tagging;

  out.write('\n# Danger check (every message)\n');
  const danger = benchDangerCheck();
  out.write(`${JSON.stringify(danger)}\n`);
  results.dangerCheck = danger;

  out.write('\n# Digest of one project-week\n');
  const digest = await benchDigest();
  out.write(`${JSON.stringify(digest)}\n`);
  results.digest = digest;

  results.browser = await browserSection(out, quick ? 1 : 3);

  out.write(`\n${JSON.stringify(results)}\n`);
  return 0;
}

if (require.main === module) {
  runBenchmarks(process.argv.slice(2), process.stdout).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
