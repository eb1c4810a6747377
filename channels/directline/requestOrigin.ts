import type { IncomingHttpHeaders } from 'node:http';

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the client used to reach us, so a phone on the local network gets a stream URL
 * it can open too. Behind a TLS proxy (x-forwarded-proto: https) the stream becomes wss.
 */
export function requestOrigin(headers: IncomingHttpHeaders, encrypted: boolean, fallbackHost: string): { http: string; ws: string } {
  const host = typeof headers.host === 'string' && HOST.test(headers.host) ? headers.host : fallbackHost;
  const forwarded = String(headers['x-forwarded-proto'] ?? '').split(',')[0].trim().toLowerCase();
  const secure = encrypted || forwarded === 'https';
  return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
}
