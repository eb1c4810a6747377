#!/usr/bin/env node
// CI guard: no tracked file may build a path outside the repository (the reference folder beside a
// developer's clone is not there on a fresh clone, so a test that reads it passes only by luck).
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => /\.(c|m)?(t|j)sx?$|\.json$|\.sh$|^\.ci\//.test(f) && !f.startsWith('node_modules/') && f !== 'package-lock.json');

// A parent-directory step followed by the sibling folder's name, as a literal path or as path segments.
const patterns = [
  /\.\.[\\/]+shared\b/,
  /['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/,
  /\/work\/shared\b/,
  /\.\.[\\/]+\.library\b/,
];
const self = 'scripts/check-inside-repo.js';
const hits = [];
for (const file of files) {
  if (file === self) continue;
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (patterns.some((p) => p.test(line))) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
  });
}
if (hits.length > 0) {
  process.stderr.write(`These files build a path outside the repository; copy what they need into tests/fixtures:\n${hits.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`check-inside-repo: ${files.length} tracked files, none reaches outside the repository\n`);
