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
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return; // someone else's upgrade
    const check = dl.authorizeStream(match[1], url.searchParams.get('t') ?? '');
    if (!check.ok) {
      socket.end(`HTTP/1.1 ${check.status} ${check.status === 404 ? 'Not Found' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const { conversation } = check;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const listener = socketListener(ws);
      const backlog = dl.registry.after(conversation, url.searchParams.get('watermark') ?? '');
      if (backlog.length > 0) listener.deliver(backlog, dl.registry.watermark(conversation));
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
