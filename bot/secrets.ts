import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';

export interface Secrets {
  pseudonymSecret: string;
  /** 32 bytes as 64 hex characters, for AES-256-GCM of contact data. */
  contactKey: string;
}

/**
 * On the embedded default the secrets are generated once and kept in DATA_DIR (mode 0600),
 * so `npm start` needs no set-up; with a shared store they must come from the environment.
 */
export function resolveSecrets(config: Config): Secrets {
  if (config.pseudonymSecret && config.contactKey) {
    return { pseudonymSecret: config.pseudonymSecret, contactKey: config.contactKey };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    pseudonymSecret: config.pseudonymSecret ?? stored.pseudonymSecret ?? randomBytes(32).toString('hex'),
    contactKey: config.contactKey ?? stored.contactKey ?? randomBytes(32).toString('hex'),
  };
  if (secrets.pseudonymSecret !== stored.pseudonymSecret || secrets.contactKey !== stored.contactKey) {
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}
