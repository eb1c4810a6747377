import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Agent } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpsServer } from '@zeit/cosmosdb-server';

/** A digest claim (create in the `digestclaims` container) as the server saw it. */
export interface ClaimAttempt {
  project: string;
  week: string;
  owner: string;
  status: number;
}

/** What a request filter sees. */
export interface CosmosRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** A document write (create, upsert, replace) to one container, as opposed to a query. */
export function isDocumentWriteTo(container: string, req: CosmosRequest): boolean {
  const path = req.url.split('?')[0];
  if (!new RegExp(`/colls/${container}/docs(/|$)`).test(path)) return false;
  if (req.method === 'PUT') return true;
  return req.method === 'POST' && String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() !== 'true' &&
    !String(req.headers['content-type'] ?? '').startsWith('application/query+json');
}

/**
 * @zeit/cosmosdb-server on 127.0.0.1 with a certificate made for loopback at test time, so that
 * other processes can verify it for real: point NODE_EXTRA_CA_CERTS at `caFile`. The certificate
 * that ships with the package has expired and names no loopback host, and the product has (and
 * should have) no switch that turns TLS verification off.
 */
export interface CosmosTlsServer {
  endpoint: string;
  port: number;
  /** PEM file of the self-signed certificate: NODE_EXTRA_CA_CERTS for child processes. */
  caFile: string;
  /** An agent for this process that trusts exactly that certificate (verification stays on). */
  agent: Agent;
  /** Every digest claim create that reached the server, with the owner it named and the status. */
  claimAttempts(): ClaimAttempt[];
  /** An outage: stops listening and drops open connections (clients see ECONNREFUSED); data stays. */
  stop(): Promise<void>;
  /**
   * An outage in the middle of a turn: the next request matching `match` is answered normally,
   * then the server stops at once. Resolves when it has stopped.
   */
  stopAfter(match: (req: CosmosRequest) => boolean): Promise<void>;
  /** Listens again on the same port, with the same data (nothing to do when it still listens). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 and localhost, valid for two days. Needs `openssl`. */
export function makeLoopbackCertificate(dir: string): { keyFile: string; certFile: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { stdio: 'pipe' },
    );
  } catch (err) {
    throw new Error(`could not create a loopback TLS certificate with openssl: ${(err as Error).message}`);
  }
  return { keyFile, certFile };
}

export async function startCosmosTlsServer(): Promise<CosmosTlsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hoormij-cosmos-tls-'));
  const { keyFile, certFile } = makeLoopbackCertificate(dir);
  const cert = readFileSync(certFile);
  const server = createHttpsServer({ key: readFileSync(keyFile), cert });
  const [handler] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');

  const sockets = new Set<Socket>();
  const claims: ClaimAttempt[] = [];
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** Stops accepting and drops every connection but `spare` (which the server itself ends). */
  const stop = (spare?: Socket) =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const s of sockets) if (s !== spare) s.destroy();
    });

  let stopAfter: { match: (req: CosmosRequest) => boolean; stopped: () => void } | undefined;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const info: CosmosRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    if (stopAfter?.match(info)) {
      const { stopped } = stopAfter;
      stopAfter = undefined;
      // The answer still reaches the client (every response says "connection: close"); any
      // request after it finds the server gone.
      res.on('finish', () => void stop(req.socket).then(stopped));
    }
    if (info.method === 'POST' && isDocumentWriteTo('digestclaims', info)) {
      // A second 'data' listener sees the same chunks as the server's own body reader.
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      res.on('finish', () => {
        try {
          const doc = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<ClaimAttempt, 'status'>;
          claims.push({ project: doc.project, week: doc.week, owner: doc.owner, status: res.statusCode });
        } catch {
          claims.push({ project: '?', week: '?', owner: '?', status: res.statusCode });
        }
      });
    }
    handler(req, res);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The package builds its account (and with it all data) on every 'listening' event; after the
  // first one, drop that listener so that a restart keeps the databases, like a real outage.
  server.removeAllListeners('listening');

  const agent = new Agent({ ca: cert, keepAlive: false });

  return {
    endpoint: `https://127.0.0.1:${port}/`,
    port,
    caFile: certFile,
    agent,
    claimAttempts: () => [...claims],
    stop: () => stop(),
    stopAfter: (match) => new Promise<void>((resolve) => (stopAfter = { match, stopped: resolve })),
    restart: () =>
      new Promise<void>((resolve, reject) => {
        if (server.listening) return resolve();
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      }),
    async close() {
      agent.destroy();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
