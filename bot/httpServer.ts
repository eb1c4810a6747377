import pino from 'pino';
import * as restify from 'restify';
import type { AppContext, BotRuntime } from './appContext';
import { attachAccessLog } from './accessLog';
import { isOwnRouteChannel, isServiceUrlAllowed, validateIncomingActivity } from './activityValidation';
import { createBodyReader } from './requestBody';
import { AuthenticationRefusedError, AuthenticationUnavailableError } from './validatedAdapter';

/** Largest request body we read (a 100 KB text message must still get a reply). */
const MAX_BODY_BYTES = 1_048_576;
/** Deepest JSON we accept; real payloads (Teams, Meta, Web Chat) nest about 10 levels. */
const MAX_JSON_DEPTH = 32;
/** Seconds a caller should wait when we could not fetch the signing keys. */
const AUTH_RETRY_AFTER_SECONDS = 10;

export function createHttpServer(app: AppContext, runtime: BotRuntime): restify.Server {
  // restify's own logger writes whole requests (body, Authorization header) when a reply cannot
  // be formatted: it stays silent, and bot/accessLog.ts logs what may be logged. (restify 11 takes
  // a pino logger; @types/restify still describes bunyan.)
  const server = restify.createServer({ name: 'hoormij', handleUncaughtExceptions: false, log: pino({ level: 'silent' }) as unknown as restify.ServerOptions['log'] });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(createBodyReader({ maxBytes: MAX_BODY_BYTES, maxDepth: MAX_JSON_DEPTH }));
  attachAccessLog(server, app.logger);

  server.post('/api/messages', async (req, res) => {
    const result = validateIncomingActivity(req.body);
    if (!result.ok) {
      res.send(400, { error: result.error });
      return;
    }
    const { activity } = result;
    if (!app.config.bot.appId && !isServiceUrlAllowed(activity.serviceUrl, app.config.bot.allowedServiceUrls)) {
      app.logger.warn({ serviceHost: safeHost(activity.serviceUrl), channelId: activity.channelId }, 'refused a serviceUrl that is not loopback or allowed');
      res.send(403, { error: 'serviceUrl not allowed without MicrosoftAppId (see ALLOWED_SERVICE_URLS)' });
      return;
    }
    if (!app.config.bot.appId && isOwnRouteChannel(activity.channelId)) {
      res.send(403, { error: `channelId "${activity.channelId}" arrives only through its own route, not /api/messages` });
      return;
    }
    try {
      const authHeader = req.header('authorization') ?? '';
      const invoke = await runtime.adapter.processValidated(authHeader, activity, (context) => runtime.bot.run(context));
      if (invoke?.body !== undefined) res.send(invoke.status, invoke.body);
      else res.send(invoke?.status ?? 200);
    } catch (err) {
      // The turn error handler already dealt with bot errors; this is the adapter refusing the request.
      if (res.headersSent) return;
      if (err instanceof AuthenticationRefusedError) {
        app.logger.warn({ channelId: activity.channelId }, 'refused an activity that failed authentication');
        res.send(401, { error: 'Unauthorized' });
        return;
      }
      if (err instanceof AuthenticationUnavailableError) {
        // Genuine Bot Service traffic arrives here too during such an outage: ask for a retry.
        app.logger.error({ err: { name: (err.cause as Error | undefined)?.name } }, 'could not fetch the Bot Framework signing keys');
        res.header('Retry-After', String(AUTH_RETRY_AFTER_SECONDS));
        res.send(503, { error: 'Authentication is unavailable for a moment; try again.' });
        return;
      }
      // Bot errors never get here (the turn error handler answers them): what does is the request.
      app.logger.error({ err: { name: (err as Error).name } }, 'adapter failed to process a request');
      res.send(400, { error: 'The activity could not be processed.' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await app.store.ping();
      res.send(200, { status: 'ok', storage: app.store.kind, time: app.clock.now().toISOString() });
    } catch (err) {
      res.send(503, { status: 'unavailable', storage: app.store.kind, error: (err as Error).message });
    }
  });

  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    // restify answers with the error's message, which can quote the request (a thrown error
    // built from input, the path of an unknown route): answer in words of our own instead.
    const status = err.statusCode ?? 500;
    const body = status >= 500 ? { code: 'Internal', message: 'Something went wrong on our side; try again.' } : { code: err.name.replace(/Error$/, ''), message: `request refused (${status})` };
    // A status on every error makes restify send this one (with our body) instead of wrapping it.
    err.statusCode = status;
    err.toJSON = () => body;
    return callback();
  });
  return server;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid';
  }
}
