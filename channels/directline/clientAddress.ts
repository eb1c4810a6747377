import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The address a request comes from, for per-client limits. Behind a reverse proxy every
 * connection comes from the proxy, so the configured header is read instead, and only then:
 * a header anyone can set would let a flood pick a new address per request. The proxy appends
 * the address it saw, so the last entry is the one it vouches for. IPv6 clients are grouped by
 * their /64 network (one household or phone gets a whole /64 and can pick any address in it).
 */
export function clientAddress(req: IncomingMessage, trustedHeader: string | undefined): string {
  if (trustedHeader) {
    const raw = req.headers[trustedHeader];
    const value = (Array.isArray(raw) ? raw[raw.length - 1] : raw) ?? '';
    const fromProxy = normalise(value.split(',').pop() ?? '');
    if (fromProxy) return fromProxy;
  }
  return normalise(req.socket.remoteAddress ?? '') ?? 'unknown';
}

function normalise(text: string): string | undefined {
  let a = text.trim();
  // "203.0.113.7:52100" (Azure App Service) and "[2001:db8::1]:443" carry a port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  const kind = isIP(a);
  if (kind === 4) return a;
  if (kind === 6) return `${expand(a).slice(0, 4).join(':')}::/64`;
  return undefined;
}

/** The eight hextets of an IPv6 address, "::" filled in. */
function expand(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((h) => h.replace(/^0+(?=.)/, ''));
}
