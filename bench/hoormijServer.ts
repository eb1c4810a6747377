import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../bot/app';

/** HoorMij on a fresh SQLite file (WAL, synchronous=NORMAL), as `npm start` runs it; or on the data folder given. */
async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'hoormij-bench-'));
  const running = await startApp({
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CONFIG_DIR: join(__dirname, '..', '..', 'config') },
  });
  process.stdout.write(`${JSON.stringify({ port: running.port, dataDir })}\n`);
}

void main();
