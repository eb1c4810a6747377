import type { AddressInfo } from 'node:net';
import type * as restify from 'restify';
import type { AppContext, BotRuntime, Closable } from '../../bot/appContext';
import { createBotBridge } from './botBridge';
import { LocalDirectLine } from './localDirectLine';
import { registerDirectLineRoutes } from './restRoutes';
import { attachDirectLineStream } from './stream';
import { registerTokenRoute } from './tokenRoute';

/** How often idle conversations are looked for (they are also dropped when touched). */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * POST /api/directline/token for the web chat page, plus the offline Direct Line 3.0 endpoint
 * under /v3/directline (REST and WebSocket stream), bridged in-process to `runtime.bot`.
 */
export function registerDirectLine(server: restify.Server, app: AppContext, runtime: BotRuntime): Closable {
  const listening = () => {
    const address = server.server.address() as AddressInfo | null;
    return { host: loopbackFor(app.config.host), port: address?.port ?? app.config.port };
  };
  const local = new LocalDirectLine({
    limits: app.config.directLine,
    defaultLocale: app.config.defaultLocale,
    clock: app.clock,
    logger: app.logger,
    translatorFor: app.translatorFor,
    bridge: createBotBridge(runtime, Boolean(app.config.bot.appId)),
    bot: { id: app.config.bot.appId ?? 'hoormij', name: 'HoorMij' },
    serviceUrl: () => `http://${listening().host}:${listening().port}`,
  });

  registerTokenRoute(server, app, local);
  registerDirectLineRoutes(server, local, () => `localhost:${listening().port}`);
  const stream = attachDirectLineStream(server.server, local, app.logger);
  const sweeper = setInterval(() => local.registry.sweep(), SWEEP_INTERVAL_MS);
  sweeper.unref();

  return {
    async close() {
      clearInterval(sweeper);
      stream.close();
      local.close();
    },
  };
}

function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
