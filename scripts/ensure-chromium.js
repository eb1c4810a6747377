#!/usr/bin/env node
// The browser tests drive Debian's chromium; install it when missing and we are root, else say how.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
if (candidates.some((p) => existsSync(p))) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  process.stderr.write('The browser tests need Debian\'s chromium. Install it once with:\n  sudo apt-get install -y chromium\n');
  process.exit(1);
}
process.stdout.write('Installing Debian\'s chromium for the browser tests (once)...\n');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/bash' });
