import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/**
 * Checks Meta's X-Hub-Signature-256 header: lowercase hex HMAC-SHA256 of the raw request body
 * under the app secret. Meta signs the bytes it sent (with escaped unicode), so the body must be
 * hashed exactly as received, never re-serialised.
 */
export function isValidSignature(appSecret: string, rawBody: string | Buffer | undefined, header: string | string[] | undefined): boolean {
  if (rawBody === undefined || typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const expected = Buffer.from(createHmac('sha256', appSecret).update(bytes).digest('hex'), 'utf8');
  const given = Buffer.from(header.slice(PREFIX.length).toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The header value Meta would send for these bytes (used by tests and local tools). */
export function signatureFor(appSecret: string, rawBody: string | Buffer): string {
  const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return PREFIX + createHmac('sha256', appSecret).update(bytes).digest('hex');
}
