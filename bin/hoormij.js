#!/usr/bin/env node
// The CLI runs the compiled code; build first when dist/ is missing so `npx hoormij` works on a fresh clone.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');
const root = join(__dirname, '..');
const entry = join(root, 'dist', 'cli', 'main.js');
if (!existsSync(entry)) execSync('npx tsc -p tsconfig.build.json', { cwd: root, stdio: 'inherit' });
require(entry).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
