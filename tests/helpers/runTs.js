'use strict';
/**
 * Runs a TypeScript file in a plain Node process (tests that need real child processes):
 * `node tests/helpers/runTs.js <file.ts> [args...]`. Transpiles on require with the project's own
 * TypeScript, without type checking (jest and tsc already check these files). The output is kept
 * in the system's temp folder, keyed by the source's hash: tests that start many processes (the
 * docs commands) otherwise spend seconds per process loading TypeScript and transpiling.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const cacheDir = path.join(os.tmpdir(), 'hoormij-runts-cache');
let ts;
const compilerOptions = () => ({
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  resolveJsonModule: true,
  sourceMap: false,
});

function transpiled(source, filename) {
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not transpiled yet
  }
  ts ??= require('typescript');
  const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions: compilerOptions() });
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written under a temporary name first: several test processes may transpile the same file at once.
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, outputText);
    fs.renameSync(tmp, cached);
  } catch {
    // a read-only temp folder only costs speed
  }
  return outputText;
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpiled(fs.readFileSync(filename, 'utf8'), filename), filename);
};

const [, , file, ...rest] = process.argv;
process.argv = [process.argv[0], path.resolve(file), ...rest];
require(path.resolve(file));
