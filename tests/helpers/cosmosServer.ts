import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Agent } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createHttpsServer } from '@zeit/cosmosdb-server';

/** What a fault filter sees of a request. */
export interface CosmosRequestInfo {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/**
 * An in-process Cosmos DB API server (@zeit/cosmosdb-server) on 127.0.0.1 with a free port and
 * TLS, plus the two faults the real service shows and that server never does: throttling (429 with
 * the real headers) and an outage (connections reset while the data stays in memory).
 */
export interface CosmosTestServer {
  endpoint: string;
  /**
   * Trusts the server's self-signed certificate. Verification is off for this loopback agent
   * only: the certificate that ships with the package has expired and names no loopback host.
   */
  agent: Agent;
  /** Answers the next `count` requests matching `filter` with 429 + x-ms-retry-after-ms. */
  throttleNext(count: number, filter?: (req: CosmosRequestInfo) => boolean): void;
  /** How many 429s were served so far. */
  throttledCount(): number;
  /** How many requests matching `filter` reached the real handler so far. */
  handledCount(filter?: (req: CosmosRequestInfo) => boolean): number;
  /** Outage: every connection is reset until `setDown(false)`; stored data survives. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/** A document write (create, upsert, replace, delete, batch) as opposed to a read or query. */
export function isDocumentWrite(req: CosmosRequestInfo): boolean {
  if (!/\/docs(\/|$)/.test(req.url.split('?')[0])) return false;
  if (req.method === 'PUT' || req.method === 'DELETE') return true;
  if (req.method !== 'POST') return false;
  const isQuery = String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true' ||
    req.headers['content-type'] === 'application/query+json';
  return !isQuery;
}

export async function startCosmosServer(): Promise<CosmosTestServer> {
  const server = createHttpsServer();
  const [handler] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');

  let throttles: Array<{ left: number; filter: (req: CosmosRequestInfo) => boolean }> = [];
  let throttled = 0;
  const handled: CosmosRequestInfo[] = [];
  let down = false;
  const sockets = new Set<Socket>();

  server.on('connection', (socket: Socket) => {
    if (down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const info: CosmosRequestInfo = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    if (down) {
      req.socket.destroy();
      return;
    }
    const rule = throttles.find((t) => t.left > 0 && t.filter(info));
    if (rule) {
      rule.left -= 1;
      throttled += 1;
      // Drain the body first so the client sees a clean response, as from the real gateway.
      req.resume();
      req.on('end', () => {
        res.writeHead(429, {
          'content-type': 'application/json',
          'x-ms-retry-after-ms': '5',
          'x-ms-substatus': '3200',
          'x-ms-request-charge': '0',
          'x-ms-activity-id': '00000000-0000-0000-0000-000000000429',
        });
        res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large. More Request Units may be needed.' }));
      });
      return;
    }
    handled.push(info);
    handler(req, res);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: false });

  return {
    endpoint: `https://127.0.0.1:${port}/`,
    agent,
    throttleNext(count, filter = () => true) {
      throttles = throttles.filter((t) => t.left > 0);
      throttles.push({ left: count, filter });
    },
    throttledCount: () => throttled,
    handledCount: (filter = () => true) => handled.filter(filter).length,
    setDown(value) {
      down = value;
      if (down) for (const s of sockets) s.destroy();
    },
    async close() {
      agent.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
