'use strict';
/**
 * Runs a TypeScript file in a plain Node process (tests that need real child processes):
 * `node tests/helpers/runTs.js <file.ts> [args...]`. Transpiles on require with the project's own
 * TypeScript, without type checking (jest and tsc already check these files).
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      resolveJsonModule: true,
      sourceMap: false,
    },
  });
  module._compile(outputText, filename);
};

const [, , file, ...rest] = process.argv;
process.argv = [process.argv[0], path.resolve(file), ...rest];
require(path.resolve(file));
