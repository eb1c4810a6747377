import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer Bot Service puts in the tokens it sends to bots. */
export const BOT_SERVICE_ISSUER = 'https://api.botframework.com';

export interface OpenIdServer {
  /** The OpenID configuration document's URL (what ToBotFromChannelOpenIdMetadataUrl names). */
  metadataUrl: string;
  /** What the endpoints answer: the documents, or an error status for an outage. */
  mode: 'up' | 'failing';
  /** A token as Bot Service would sign it, for this audience (app id) and serviceUrl. */
  sign(claims: { aud: string; serviceUrl: string; expiresInSeconds?: number }, key?: KeyObject): string;
  /** A key the server does not publish, for forged tokens. */
  strangerKey: KeyObject;
  close(): Promise<void>;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * The Bot Framework's OpenID metadata and JWKS endpoints on loopback, in their real wire
 * format (https://login.botframework.com/v1/.well-known/openidconfiguration and its jwks_uri),
 * with one RSA signing key endorsed for the channels the tests use.
 */
export async function startOpenIdServer(): Promise<OpenIdServer> {
  const kid = randomUUID();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  let base = '';
  const state = { mode: 'up' as 'up' | 'failing' };

  const server: Server = createServer((req, res) => {
    const answer = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (state.mode === 'failing') {
      answer(500, 'text/plain', 'upstream trouble');
      return;
    }
    if (req.url === '/v1/.well-known/openidconfiguration') {
      answer(
        200,
        'application/json',
        JSON.stringify({
          issuer: BOT_SERVICE_ISSUER,
          authorization_endpoint: 'https://invalid.botframework.com',
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      answer(
        200,
        'application/json',
        JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'emulator', 'directline', 'webchat'] }] }),
      );
      return;
    }
    answer(404, 'text/plain', '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    strangerKey: stranger,
    sign({ aud, serviceUrl, expiresInSeconds = 3600 }, key = privateKey) {
      const now = Math.floor(Date.now() / 1000);
      const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
      const payload = base64url(JSON.stringify({ iss: BOT_SERVICE_ISSUER, aud, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + expiresInSeconds }));
      const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
      return `${header}.${payload}.${base64url(signature)}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
