import { randomInt } from 'node:crypto';
import type { SessionCode } from './types';

/** No 0/O, 1/I/L: a code read aloud or typed from paper must not be ambiguous. */
export const SESSION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SESSION_CODE_LENGTH = 6;
const CODE_RE = new RegExp(`^[${SESSION_CODE_ALPHABET}]{${SESSION_CODE_LENGTH}}$`);

/** Upper case, without spaces, dashes, dots or underscores: "k7p x4m" → "K7PX4M". */
export function normalizeSessionCode(input: string): string {
  return input.replace(/[\s\-_.]+/g, '').toUpperCase();
}

export function isSessionCode(input: string): boolean {
  return CODE_RE.test(normalizeSessionCode(input));
}

/** The normalised code, or undefined when the input cannot be a session code. */
export function parseSessionCode(input: string): string | undefined {
  const code = normalizeSessionCode(input);
  return CODE_RE.test(code) ? code : undefined;
}

export function generateSessionCode(pick: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < SESSION_CODE_LENGTH; i++) code += SESSION_CODE_ALPHABET[pick(SESSION_CODE_ALPHABET.length)];
  return code;
}

export function newSessionCodes(
  args: { project: string; team: string | null; validDays: number; count: number; now: Date },
  pick?: (max: number) => number,
): SessionCode[] {
  const seen = new Set<string>();
  const out: SessionCode[] = [];
  const expiresAt = new Date(args.now.getTime() + args.validDays * 86_400_000).toISOString();
  while (out.length < args.count) {
    const code = generateSessionCode(pick);
    if (seen.has(code)) continue;
    seen.add(code);
    out.push({ code, project: args.project, team: args.team, createdAt: args.now.toISOString(), expiresAt });
  }
  return out;
}

export function isExpired(code: SessionCode, now: Date): boolean {
  return now.getTime() > Date.parse(code.expiresAt);
}
