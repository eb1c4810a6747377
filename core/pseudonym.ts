import { createHmac } from 'node:crypto';

/** Keyed pseudonym of a channel user: stable per secret, useless without it. */
export function pseudonymize(secret: string, channelId: string, userId: string): string {
  return createHmac('sha256', secret).update(`${channelId}:${userId}`, 'utf8').digest('hex');
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Short code a participant can quote to an operator: 8 characters derived from the pseudonym. */
export function participantCode(pseudonym: string): string {
  let n = BigInt(`0x${pseudonym.slice(0, 16)}`);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code += CODE_ALPHABET[Number(n % BigInt(CODE_ALPHABET.length))];
    n /= BigInt(CODE_ALPHABET.length);
  }
  return `P-${code}`;
}
