import { execFile } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, tempDataDir } from '../helpers/botHttp';
import { HOORMIJ } from '../helpers/cliInFolder';
import { extractCommands, repositoryDocs, subcommand, type DocCommand } from './docCommands';

/**
 * Every `npx hoormij …` command in README.md and docs/*.md runs as written: in bash, in a fresh
 * folder (so also outside the repository), on a temporary DATA_DIR, in the order a reader meets
 * them (README first, so `demo-data` has filled the store before a later `digest`). `start` and
 * `bench` are not run (a server that does not end; minutes of benchmarks).
 *
 * A command that cannot run here (it needs a network, Azure or a real account) gets a visible
 * marker on the line before it, or before the opening ``` of its block:
 *   <!-- docs-test: skip (needs Azure) -->
 * The reason in brackets is required.
 *
 * `npx hoormij` runs this checkout's sources (npx itself would look in the registry from a folder
 * without node_modules). Shell variables the docs set in an earlier step that needs Azure get a
 * sample value: APP_ID (docs/azure.md step 1), WEBAPP and BOT_APP_ID (step 3). Input files the docs assume
 * (answers.jsonl in docs/themes.md) are written into the folder first.
 */

const run = promisify(execFile);
jest.setTimeout(180_000);

const NOT_RUN = new Set(['start', 'bench']);
const commands: DocCommand[] = repositoryDocs(ROOT).flatMap(({ file, text }) => extractCommands(file, text));
const runnable = commands.filter((c) => !c.skip && !NOT_RUN.has(subcommand(c.command)));

const cwd = tempDataDir('hoormij-docs-');
const env = {
  PATH: process.env.PATH ?? '',
  NODE_OPTIONS: process.env.NODE_OPTIONS ?? '',
  HOME: cwd,
  LOG_LEVEL: 'silent',
  DATA_DIR: join(tempDataDir('hoormij-docs-data-'), 'data'),
  APP_ID: '8d6f1f0e-3c2b-4a7d-9e51-0a1b2c3d4e5f',
  WEBAPP: 'hoormij-demo-web',
  BOT_APP_ID: '5a7e2c1d-9b3f-4e6a-8d2c-1f0e9a8b7c6d',
  HOORMIJ_NODE: HOORMIJ[0],
  HOORMIJ_ARGS: HOORMIJ.slice(1).join('\n'),
};
// `npx hoormij` and nothing else: any other npx call in a doc fails loudly instead of reaching a registry.
const NPX = `npx() {
  if [ "$1" != hoormij ]; then echo "docs-test: only npx hoormij can run here" >&2; return 127; fi
  shift; local IFS=$'\\n'; local args=($HOORMIJ_ARGS); "$HOORMIJ_NODE" "\${args[@]}" "$@"
}`;

beforeAll(() => {
  writeFileSync(
    join(cwd, 'answers.jsonl'),
    ['{"id":"a1","text":"De wachtlijst was veel te lang.","lang":"nl"}', '{"id":"a2","text":"My worker really listens to me."}'].join('\n') + '\n',
  );
});

describe('the commands in README.md and docs/', () => {
  it('finds the documented commands, and every skip marker gives a reason', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(10);
    for (const name of ['code', 'qr', 'demo-data', 'digest', 'teams-package', 'themes']) expect(runnable.map((c) => subcommand(c.command))).toContain(name);
    for (const c of commands.filter((x) => x.skip)) expect(c.skip!.length).toBeGreaterThan(3);
  });

  it.each(runnable.map((c) => [`${c.file}:${c.line}: ${c.command}`, c] as const))('%s', async (_title, c) => {
    let result: { code: number; stderr: string };
    try {
      // A command that reads standard input gets an empty one unless the doc gives it a file.
      const stdin = c.command.includes('<') ? '' : ' </dev/null';
      const r = await run('bash', ['-c', `${NPX}\n${c.command}${stdin}`], { cwd, env, maxBuffer: 16 * 1024 * 1024 });
      result = { code: 0, stderr: r.stderr };
    } catch (err) {
      const e = err as { code?: number; stderr?: string };
      result = { code: typeof e.code === 'number' ? e.code : 1, stderr: e.stderr ?? String(err) };
    }
    expect({ where: `${c.file}:${c.line}`, ...result }).toEqual({ where: `${c.file}:${c.line}`, code: 0, stderr: expect.any(String) });
    for (const m of c.command.matchAll(/(?:--out|>)\s+(\S+)/g)) {
      const file = join(cwd, m[1]);
      expect(existsSync(file) && statSync(file).size > 0).toBe(true);
    }
  });
});
