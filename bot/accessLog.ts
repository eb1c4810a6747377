import type * as restify from 'restify';
import type { Logger } from './logger';
import { refusedAtDoor, type RequestWithBody } from './requestBody';

/**
 * One log line per failed request, with nothing the caller wrote in it: method, route pattern
 * (never the raw URL, which can carry tokens), status, body size and the error's name. An
 * error's message is left out because messages quote input (JSON.parse, zod, botbuilder).
 * Server errors are logged at error level, refusals at debug (they are the caller's problem
 * and an attacker could otherwise fill the disk).
 */
export function attachAccessLog(server: restify.Server, logger: Logger): void {
  server.on('after', (req: RequestWithBody, res: restify.Response, route: restify.Route | undefined, err: unknown) => {
    const status = res.statusCode;
    if (status < 400) return;
    const entry = {
      method: req.method,
      route: route?.spec?.path ?? (status === 404 ? '(no route)' : '(before routing)'),
      status,
      bytes: req.rawBody?.length ?? 0,
      ...(refusedAtDoor(req) ? { code: refusedAtDoor(req) } : {}),
      ...(err instanceof Error ? { error: err.name } : {}),
    };
    if (status >= 500) logger.error(entry, 'request failed');
    else logger.debug(entry, 'request refused');
  });
}
