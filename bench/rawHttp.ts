/** Raw HTTP for the attack script and the tests: exact headers and bytes, raw Upgrade requests. */
import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One HTTP request with exactly the headers and bytes given (fetch would fix some of them up). */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: (Buffer | string)[] },
): Promise<RawResponse> {
  const url = new URL(options.path, baseUrl);
  const headers = { ...options.headers };
  // Node frames a GET body only when told its length; without it the bytes would read as a second request.
  if (options.body !== undefined && !Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h))) {
    headers['content-length'] = String(Buffer.byteLength(options.body));
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    // The server may answer and close before the whole body is sent (413, 415): that is the point.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    if (options.chunks) {
      for (const c of options.chunks) req.write(c);
      req.end();
    } else req.end(options.body);
  });
}

/**
 * Sends an Upgrade request on a raw socket; resolves with the first response line and whether
 * the server closed the socket within `closeWithinMs`.
 */
export function rawUpgrade(baseUrl: string, path: string, closeWithinMs = 3000): Promise<{ statusLine: string; closed: boolean }> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    let settled = false;
    const settle = (closed: boolean) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ statusLine: received.split('\r\n')[0], closed });
    };
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('close', () => settle(true));
    socket.on('error', () => settle(true));
    socket.on('connect', () =>
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      ),
    );
    setTimeout(() => settle(false), closeWithinMs).unref();
  });
}

/** JSON text of `depth` nested objects, {"a":{"a":…1}}, built as text (JSON.stringify would overflow). */
export function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A JSON activity text with `field` replaced by a nested value (as text). */
export function withNestedField(activity: Record<string, unknown>, field: string, depth: number): string {
  const marker = '"__NESTED__"';
  return JSON.stringify({ ...activity, [field]: '__NESTED__' }).replace(marker, `{"id":"deep","inner":${nestedJson(depth)}}`);
}
