import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Config } from './config';

export interface Secrets {
  pseudonymSecret: string;
  /** 32 bytes as 64 hex characters, for AES-256-GCM of contact data. */
  contactKey: string;
}

const SECRETS_FILE = 'secrets.json';

/**
 * On the embedded default the secrets are generated once and kept in DATA_DIR (mode 0600),
 * so `npm start` needs no set-up; with a shared store they must come from the environment.
 */
export function resolveSecrets(config: Config): Secrets {
  if (config.pseudonymSecret && config.contactKey) {
    return { pseudonymSecret: config.pseudonymSecret, contactKey: config.contactKey };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, SECRETS_FILE);
  const stored = existsSync(file) ? readStored(file) : {};
  const secrets: Secrets = {
    pseudonymSecret: config.pseudonymSecret ?? stored.pseudonymSecret ?? randomBytes(32).toString('hex'),
    contactKey: config.contactKey ?? stored.contactKey ?? randomBytes(32).toString('hex'),
  };
  if (secrets.pseudonymSecret !== stored.pseudonymSecret || secrets.contactKey !== stored.contactKey) {
    writeAtomically(file, JSON.stringify(secrets));
  }
  return secrets;
}

/** What to do about a secrets file we cannot use; starting with new keys would orphan every answer. */
function unusable(file: string, why: string): ConfigError {
  return new ConfigError(
    `${file} ${why}. It holds the keys of the pseudonyms and of the encrypted contact data, so HoorMij does not start without it. ` +
      'Restore it from your backup of DATA_DIR. Only if HoorMij never stored anything with this DATA_DIR ' +
      '(for example the disk was full at the very first start) may you delete the file: new keys are then made at the next start. ' +
      'Alternatively set PSEUDONYM_SECRET and CONTACT_KEY to the values you kept.',
  );
}

function readStored(file: string): Partial<Secrets> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw unusable(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).name})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unusable(file, text.trim() === '' ? 'is empty' : 'is not valid JSON');
  }
  const p = parsed as Record<string, unknown> | null;
  const ok = (v: unknown, valid: (s: string) => boolean) => v === undefined || (typeof v === 'string' && valid(v));
  if (typeof p !== 'object' || p === null || Array.isArray(p) || !ok(p.pseudonymSecret, (s) => s.length >= 16) || !ok(p.contactKey, (s) => /^[0-9a-f]{64}$/i.test(s))) {
    throw unusable(file, 'does not hold a pseudonymSecret (16+ characters) and a contactKey (64 hex characters)');
  }
  return p as Partial<Secrets>;
}

/**
 * Temp file, flushed, then renamed over the old one: a crash or a full disk leaves either the
 * previous file or the complete new one, never an empty or half-written secrets.json.
 */
function writeAtomically(file: string, content: string): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    // a temp file left by an earlier crash keeps its mode; this one holds keys
    fchmodSync(fd, 0o600);
    const bytes = Buffer.from(content, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  // The rename is durable only once the directory entry is.
  try {
    const dir = openSync(join(file, '..'), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some file systems refuse to fsync a directory; the rename itself is still atomic.
  }
}
