#!/usr/bin/env node
// The browser tests drive Debian's chromium; install it when missing and we are root, else say how.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const hasApt = existsSync('/usr/bin/apt-get');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!hasApt || !isRoot) {
  process.stderr.write(
    hasApt
      ? `The browser tests need Debian's chromium at ${CHROMIUM}. Install it once with:\n  sudo apt-get install -y chromium\n`
      : `The browser tests need chromium at ${CHROMIUM} (Debian's "chromium" package); this machine has no apt-get, so install it with your package manager.\n`,
  );
  process.exit(1);
}
process.stdout.write("Installing Debian's chromium for the browser tests (once)...\n");
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/bash' });
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`apt-get finished but ${CHROMIUM} is still missing; install the "chromium" package by hand.\n`);
  process.exit(1);
}
