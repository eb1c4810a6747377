import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../bot/app';

/**
 * HoorMij as `npm start` runs it, for the attack script: loopback only, debug logs on stdout
 * (the script checks them for what it sent), and the client address read from
 * X-Forwarded-For, so one machine can play many clients behind a proxy.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoormij-attack-'));
  const running = await startApp({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      CONFIG_DIR: join(__dirname, '..', '..', 'config'),
      TRUSTED_PROXY_HEADER: 'x-forwarded-for',
      WHATSAPP_APP_SECRET: 'attack-app-secret-0123456789',
      WHATSAPP_VERIFY_TOKEN: 'attack-verify',
      WHATSAPP_TOKEN: 'attack-token',
      WHATSAPP_PHONE_NUMBER_ID: '1065',
      WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9',
    },
  });
  process.stderr.write(`${JSON.stringify({ port: running.port, dataDir })}\n`);
}

void main();
