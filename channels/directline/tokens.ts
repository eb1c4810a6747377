import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/clock';

/** What a token allows: REST calls (`rest`) or opening the WebSocket stream (`stream`). */
export type TokenScope = 'rest' | 'stream';

export interface TokenClaims {
  /** The user id the token was issued to ("dl_…"); Web Chat reads it from the token. */
  user: string;
  /** The one conversation the token may touch. */
  conv: string;
  scope: TokenScope;
  /** Expiry, seconds since the epoch. */
  exp: number;
  iat: number;
  jti: string;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'scope' | 'expired' };

export interface TokenService {
  issue(conv: string, user: string, scope: TokenScope, ttlSeconds: number): IssuedToken;
  verify(token: string, scope: TokenScope): TokenCheck;
  /** Seconds left before the token expires (0 when it has). */
  remainingSeconds(claims: TokenClaims): number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Tokens are HS256 JWTs with a random id, signed with a key that lives only in this process.
 * The JWT shape matters: Web Chat and directlinejs read the `user` claim from the token, and a
 * "dl_" user id is only accepted when it comes from the token (forgery protection). A restart
 * invalidates every token; the page then asks for a new one and the bot's state, keyed by the
 * user pseudonym, carries on.
 */
export function createTokenService(clock: Clock, key: Buffer = randomBytes(32)): TokenService {
  const sign = (data: string) => createHmac('sha256', key).update(data).digest();
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  return {
    issue(conv, user, scope, ttlSeconds) {
      const iat = nowSeconds();
      const claims: TokenClaims = { user, conv, scope, exp: iat + ttlSeconds, iat, jti: randomBytes(16).toString('base64url') };
      const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
      return { token: `${body}.${sign(body).toString('base64url')}`, expiresIn: ttlSeconds };
    },

    verify(token, scope) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
      const expected = sign(`${parts[0]}.${parts[1]}`);
      const given = Buffer.from(parts[2], 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
      let claims: TokenClaims;
      try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (claims.scope !== scope) return { ok: false, reason: 'scope' };
      if (claims.exp <= nowSeconds()) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    },

    remainingSeconds(claims) {
      return Math.max(0, claims.exp - nowSeconds());
    },
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
