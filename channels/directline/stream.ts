import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../bot/logger';
import type { ConversationListener, DlActivity } from './conversations';
import type { LocalDirectLine } from './localDirectLine';
import { DIRECT_LINE_BASE } from './restRoutes';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE}/conversations/([A-Za-z0-9_-]{8,64})/stream$`);

/**
 * The WebSocket half: `streamUrl` carries a short-lived stream token (`t`) because browsers
 * cannot send an Authorization header on a WebSocket. On open, activities newer than the
 * watermark are replayed; then every new activity goes out as an ActivitySet frame. Client
 * frames are keep-alives ("" every 20 s) and are ignored.
 */
export function attachDirectLineStream(httpServer: Server, dl: LocalDirectLine, logger: Logger): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands an upgraded socket over bare: a reset client must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      refuseUpgrade(socket, 400);
      return;
    }
    const match = STREAM_PATH.exec(url.pathname);
    // This is the server's only WebSocket: any other upgrade is refused at once, not left open.
    if (!match) return refuseUpgrade(socket, 404);
    const check = dl.authorizeStream(match[1], url.searchParams.get('t') ?? '');
    if (!check.ok) return refuseUpgrade(socket, check.status);
    const { conversation } = check;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const listener = socketListener(ws);
      const backlog = dl.registry.after(conversation, url.searchParams.get('watermark') ?? '');
      try {
        if (backlog.length > 0) listener.deliver(backlog, dl.registry.watermark(conversation));
      } catch (err) {
        // The body limits make this unreachable; if it happens anyway, one stream ends, not the process.
        logger.error({ err: { name: (err as Error).name } }, 'direct line stream replay failed');
        ws.close(1011);
        return;
      }
      conversation.listeners.add(listener);
      ws.on('message', () => undefined);
      ws.on('error', (err) => logger.debug({ err: { message: err.message } }, 'direct line stream error'));
      ws.on('close', () => conversation.listeners.delete(listener));
    });
  };

  httpServer.on('upgrade', onUpgrade);
  return {
    close() {
      httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };

function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  // end() waits for the client to close its half; a client that never does must not hold the socket.
  setTimeout(() => socket.destroy(), 1000).unref();
}

function socketListener(ws: WebSocket): ConversationListener {
  return {
    deliver(activities: DlActivity[], watermark?: string) {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(watermark === undefined ? { activities } : { activities, watermark }));
    },
    close() {
      // 1000 lets the client reconnect; it then learns (404) that the conversation is gone.
      ws.close(1000);
    },
  };
}
