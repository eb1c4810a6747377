/**
 * Errors of the Cosmos store. Messages name the operation and the Cosmos status, never a
 * document's content, so they are safe to log.
 */

/** Cosmos DB could not be reached, timed out or stayed throttled after the SDK's retries. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(
    readonly operation: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Cosmos DB is unavailable during ${operation} (${reason}); try again later`, options);
  }
}

/** Cosmos DB answered, but with an error that retrying will not fix (bad request, forbidden, ...). */
export class StorageRequestError extends Error {
  override readonly name = 'StorageRequestError';
  constructor(
    readonly operation: string,
    readonly status: number | string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Cosmos DB ${operation} failed with ${status ?? 'an unknown status'}: ${message}`, options);
  }
}

/** HTTP status of an @azure/cosmos error, or undefined for network errors. */
export function statusOf(err: unknown): number | undefined {
  const code = (err as { code?: unknown; statusCode?: unknown } | null)?.code ?? (err as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** 408 timeout, 429 throttled (after the SDK's own retries), 449 retry-with, 5xx: all worth trying later. */
const TRANSIENT_STATUS = new Set([408, 429, 449, 500, 502, 503, 504]);

export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return TRANSIENT_STATUS.has(status);
  // Network-level failures (ECONNREFUSED, ETIMEDOUT, aborts) carry a string code or none at all.
  return true;
}

function reasonOf(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  const status = statusOf(err);
  if (status === 429) return 'throttled (429) after retries';
  if (status !== undefined) return `status ${status}`;
  if (typeof e?.code === 'string') return e.code;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'timed out';
  return typeof e?.name === 'string' ? e.name : 'unknown error';
}

/** Turns any @azure/cosmos failure into one of the two errors above. */
export function toStorageError(operation: string, err: unknown): Error {
  if (err instanceof StorageUnavailableError || err instanceof StorageRequestError) return err;
  if (isTransient(err)) return new StorageUnavailableError(operation, reasonOf(err), { cause: err });
  const body = (err as { body?: { message?: unknown } }).body;
  const message = typeof body?.message === 'string' ? body.message.split('\n')[0].slice(0, 200) : (err as Error).message;
  return new StorageRequestError(operation, statusOf(err), message, { cause: err });
}
