import type { Container } from '@azure/cosmos';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { botStatePartition, botStatePartitionOf, cosmosId } from './ids';
import { mapLimit, type Requests } from './requests';

interface BotStateDoc {
  id: string;
  pk: string;
  key: string;
  document: Record<string, unknown>;
  _etag?: string;
}

const conflict = (key: string) => new Error(`Storage: error writing "${key}" due to eTag conflict.`);

/**
 * botbuilder Storage on the "botstate" container with MemoryStorage's eTag rules: no stored item,
 * eTag '*' or a falsy eTag → unconditional upsert; otherwise a replace guarded by IfMatch on the
 * stored _etag, whose 412 becomes MemoryStorage's conflict error. Each key is one document, so a
 * write is never half done. Our own class rather than botbuilder-azure's CosmosDbPartitionedStorage,
 * which partitions on /id and so could not erase a participant's state with one partition query.
 */
export class CosmosBotStorage implements Storage {
  constructor(
    private readonly container: Container,
    private readonly requests: Requests,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await mapLimit(keys, 16, async (key) => {
      const res = await this.requests.attempt(
        'bot state read',
        () => this.container.item(cosmosId(key), botStatePartition(key)).read<BotStateDoc>(),
        [404],
      );
      if (typeof res === 'number' || !res.resource) return undefined;
      return [key, { ...res.resource.document, eTag: res.resource._etag }] as const;
    });
    const items: StoreItems = {};
    for (const entry of found) if (entry) items[entry[0]] = entry[1];
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // Snapshot synchronously: the caller may change its objects as soon as write() returns a promise.
    const snapshot = Object.entries(changes).map(([key, item]) => [key, JSON.parse(JSON.stringify(item ?? {})) as StoreItem] as const);
    await mapLimit(snapshot, 16, ([key, item]) => this.writeOne(key, item));
  }

  private async writeOne(key: string, item: StoreItem): Promise<void> {
    const { eTag, ...document } = item;
    const doc: BotStateDoc = { id: cosmosId(key), pk: botStatePartition(key), key, document };
    if (!eTag || eTag === '*') {
      await this.requests.run('bot state write', () => this.container.items.upsert(doc));
      return;
    }
    const replaced = await this.requests.attempt(
      'bot state write',
      () => this.container.item(doc.id, doc.pk).replace(doc, { accessCondition: { type: 'IfMatch', condition: String(eTag) } }),
      [404, 412],
    );
    if (replaced === 412) throw conflict(key);
    if (replaced === 404) {
      // MemoryStorage writes a missing key whatever eTag it carries; a concurrent creator wins.
      const created = await this.requests.attempt('bot state write', () => this.container.items.create(doc), [409]);
      if (created === 409) throw conflict(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await mapLimit(keys, 16, (key) =>
      this.requests.attempt('bot state delete', () => this.container.item(cosmosId(key), botStatePartition(key)).delete(), [404]),
    );
  }

  /** Removes every state document of one participant: one single-partition query, then point deletes. */
  async eraseParticipant(participant: string): Promise<number> {
    const pk = botStatePartitionOf(participant);
    const docs = await this.requests.all<{ id: string }>(
      'bot state erasure',
      this.container,
      { query: 'SELECT c.id FROM c WHERE c.pk = @pk', parameters: [{ name: '@pk', value: pk }] },
      pk,
    );
    const deleted = await mapLimit(docs, 8, async (d) =>
      (await this.requests.attempt('bot state erasure', () => this.container.item(d.id, pk).delete(), [404])) !== 404,
    );
    return deleted.filter(Boolean).length;
  }
}
