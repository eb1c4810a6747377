import type * as restify from 'restify';
import { exceedsJsonDepth } from './jsonDepth';

export interface BodyLimits {
  /** Largest body in bytes as it arrives (nothing is decompressed, so this is also what we hold). */
  maxBytes: number;
  /** Deepest nesting of objects and arrays a JSON body may have. */
  maxDepth: number;
}

/** What the reader leaves on the request: the exact bytes (signatures) and the parsed body. */
export type RequestWithBody = restify.Request & { rawBody?: Buffer; body?: unknown };

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/i;

/**
 * Reads every request body once, at the door, before any route, authentication or signature
 * check looks at it, and replaces restify's bodyParser.
 *
 * Content encodings are refused with 415 instead of decompressed: none of our callers (Bot
 * Service, Meta's webhooks, Web Chat) compresses what it sends, and decompressing is how 50 KB
 * on the wire became 50 MiB in memory (and how a broken gzip stream, which restify left without
 * an error handler, ended the process). Refusing them keeps the byte limit honest: the bytes
 * counted are the bytes held.
 *
 * A JSON body nested deeper than `maxDepth` is refused with 400 before it is parsed: everything
 * after us (zod, botbuilder, JSON.stringify of a reply or a transcript replay) recurses.
 */
export function createBodyReader(limits: BodyLimits): restify.RequestHandler {
  return (req: RequestWithBody, res: restify.Response, next: restify.Next) => {
    const declared = Number(req.headers['content-length'] ?? '');
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (!chunked && !(declared > 0)) return next();

    const encoding = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
    if (encoding !== '' && encoding !== 'identity') return refuse(req, res, next, 415, 'UnsupportedEncoding', 'send the body uncompressed (no Content-Encoding)');
    if (declared > limits.maxBytes) return refuse(req, res, next, 413, 'BodyTooLarge', `bodies are limited to ${limits.maxBytes} bytes`);

    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (after: () => void) => {
      if (finished) return;
      finished = true;
      req.off('data', onData);
      after();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBytes) {
        finish(() => refuse(req, res, next, 413, 'BodyTooLarge', `bodies are limited to ${limits.maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    // A client that goes away half-way: nothing to answer, nothing to keep.
    req.once('error', () => finish(() => next(false)));
    req.once('aborted', () => finish(() => next(false)));
    req.once('end', () =>
      finish(() => {
        const raw = Buffer.concat(chunks, received);
        req.rawBody = raw;
        const text = raw.toString('utf8');
        if (!JSON_TYPE.test(String(req.headers['content-type'] ?? '').split(';')[0].trim())) {
          req.body = text;
          return next();
        }
        if (exceedsJsonDepth(text, limits.maxDepth)) return refuse(req, res, next, 400, 'TooDeep', `JSON may be nested at most ${limits.maxDepth} levels deep`);
        try {
          req.body = JSON.parse(text) as unknown;
        } catch {
          // The parser's message quotes the body: it stays out of the answer and the logs.
          return refuse(req, res, next, 400, 'InvalidJson', 'the body is not valid JSON');
        }
        next();
      }),
    );
  };
}

/** Answers at once and closes the connection, so an unread rest of the body is not waited for. */
function refuse(req: restify.Request, res: restify.Response, next: restify.Next, status: number, code: string, message: string): void {
  (req as RequestWithBody & { refusedAtDoor?: string }).refusedAtDoor = code;
  res.header('Connection', 'close');
  if (status === 415) res.header('Accept-Encoding', 'identity');
  res.send(status, { error: { code, message } });
  next(false);
}

/** The refusal code set by the reader, for the access log. */
export function refusedAtDoor(req: restify.Request): string | undefined {
  return (req as restify.Request & { refusedAtDoor?: string }).refusedAtDoor;
}
