import * as restify from 'restify';
import type { AppContext, BotRuntime } from './appContext';
import { isOwnRouteChannel, isServiceUrlAllowed, validateIncomingActivity } from './activityValidation';

/** Largest request body we parse (a 100 KB text message must still get a reply). */
const MAX_BODY_BYTES = 1_048_576;

export function createHttpServer(app: AppContext, runtime: BotRuntime): restify.Server {
  const server = restify.createServer({ name: 'hoormij', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // maxBodySize is read by restify's bodyReader, which jsonBodyParser wraps; @types/restify omits it.
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES } as restify.plugins.JsonBodyParserOptions));

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
      // botframework-connector's AuthenticationError: a missing, forged or expired token.
      const status = (err as { statusCode?: unknown }).statusCode;
      if (status === 401 || status === 403) {
        app.logger.warn({ channelId: activity.channelId }, 'refused an activity that failed authentication');
        res.send(401, { error: 'Unauthorized' });
        return;
      }
      // Bot errors never get here (the turn error handler answers them): what does is the request.
      app.logger.error({ err: { message: (err as Error).message } }, 'adapter failed to process a request');
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

  server.on('restifyError', (req, res, err, callback) => {
    // Bad JSON, oversize bodies and unknown routes end here; log the shape, never the body.
    app.logger.debug({ status: (err as { statusCode?: number }).statusCode, path: req.getPath?.() }, err.name);
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
