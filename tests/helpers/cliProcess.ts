import { main } from '../../cli/main';

/**
 * `hoormij <argv>` as its own process from the sources (bin/hoormij.js runs the build in dist/,
 * which may be older than the sources under test): `node tests/helpers/runTs.js
 * tests/helpers/cliProcess.ts <command> [options]`, in whatever working directory the test chose.
 */
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
