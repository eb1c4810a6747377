import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { statusOf, toStorageError } from './errors';

type Charged = { requestCharge?: number };

/**
 * Every Cosmos call of the store goes through here: failures become StorageUnavailableError or
 * StorageRequestError with the operation's name, RU charges reach the optional meter, and
 * queries are paged with continuation tokens instead of loading a result at once.
 */
export class Requests {
  constructor(
    private readonly pageSize: number,
    private readonly onRequestCharge?: (operation: string, requestCharge: number) => void,
  ) {}

  private charge(operation: string, value: unknown): void {
    const ru = Number(value);
    if (this.onRequestCharge && Number.isFinite(ru) && ru > 0) this.onRequestCharge(operation, ru);
  }

  async run<T extends Charged>(operation: string, fn: () => Promise<T>): Promise<T> {
    const r = await this.attempt(operation, fn, []);
    return r as T;
  }

  /** Like run, but resolves with the status code instead of throwing for the expected ones (404, 409, 412). */
  async attempt<T extends Charged>(operation: string, fn: () => Promise<T>, expected: readonly number[]): Promise<T | number> {
    try {
      const res = await fn();
      this.charge(operation, res.requestCharge);
      return res;
    } catch (err) {
      this.charge(operation, (err as { headers?: Record<string, unknown> }).headers?.['x-ms-request-charge']);
      const status = statusOf(err);
      if (status !== undefined && expected.includes(status)) return status;
      throw toStorageError(operation, err);
    }
  }

  /**
   * Pages of a query. A partition-scoped query must also filter on the partition key in its
   * WHERE clause: real Cosmos DB scopes by the partitionKey option, test servers may not.
   */
  async *pages<T>(operation: string, container: Container, query: SqlQuerySpec, partitionKey?: string): AsyncGenerator<T[]> {
    const iterator = container.items.query<T>(query, {
      maxItemCount: this.pageSize,
      ...(partitionKey !== undefined ? { partitionKey } : {}),
    });
    while (iterator.hasMoreResults()) {
      const page = await this.run(operation, () => iterator.fetchNext());
      if (page.resources && page.resources.length > 0) yield page.resources;
    }
  }

  async all<T>(operation: string, container: Container, query: SqlQuerySpec, partitionKey?: string): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.pages<T>(operation, container, query, partitionKey)) out.push(...page);
    return out;
  }
}

/** Runs fn over items with at most `limit` calls in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
