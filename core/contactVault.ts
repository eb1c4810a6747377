import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Contact data (a WhatsApp number) sealed at rest with AES-256-GCM, kept apart from answers.
 * The sealed form is base64(iv | tag | ciphertext), as ContactRecord.sealed documents.
 */
export interface ContactVault {
  /** `context` (e.g. "whatsapp:<pseudonym>") is bound as associated data: a sealed value copied to another record does not open. */
  seal(plaintext: string, context?: string): string;
  /** Throws ContactVaultError when the value was tampered with, sealed under another key or for another context. */
  open(sealed: string, context?: string): string;
}

export class ContactVaultError extends Error {
  override readonly name = 'ContactVaultError';
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFromHex(keyHex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(keyHex)) {
    throw new ContactVaultError('the contact key must be 64 hex characters (32 bytes); see CONTACT_KEY');
  }
  return Buffer.from(keyHex, 'hex');
}

export function createContactVault(keyHex: string): ContactVault {
  const key = keyFromHex(keyHex);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
    },
    open(sealed, context) {
      const raw = Buffer.from(sealed, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new ContactVaultError('sealed contact data is too short to be valid');
      const iv = raw.subarray(0, IV_BYTES);
      const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
      try {
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new ContactVaultError('sealed contact data does not open: wrong key, wrong record or tampered');
      }
    },
  };
}

/** One-shot helpers for callers that hold the key as hex (app.secrets.contactKey). */
