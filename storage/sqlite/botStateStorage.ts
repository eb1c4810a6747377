import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';

/**
 * botbuilder Storage on the bot_state table with MemoryStorage 4.23.3's rules, so dialogs and
 * tests written against MemoryStorage behave the same here:
 * - read returns only keys that exist, as fresh copies;
 * - write is unconditional when nothing is stored, or the item's eTag is '*' or falsy; otherwise
 *   the eTag must equal the stored one, else the write rejects with MemoryStorage's message;
 * - every write stores a new eTag; delete ignores missing keys.
 * Like MemoryStorage, a conflict on one key does not undo the other keys of the same write.
 */
export class SqliteBotStorage implements Storage {
  private readonly getStmt: Statement<[string], { value: string }>;
  private readonly getEtagStmt: Statement<[string], { etag: string }>;
  private readonly putStmt: Statement<[string, string, string]>;
  private readonly deleteStmt: Statement<[string]>;
  private readonly readTx: (keys: string[]) => StoreItems;
  private readonly writeTx: (changes: StoreItems) => Error | undefined;
  private readonly deleteTx: (keys: string[]) => void;
  /**
   * eTags must be unique across every process sharing the file (a counter per process alone
   * would repeat), and across a delete and re-create of a key: a random prefix per instance
   * plus a counter gives that without a round trip.
   */
  private readonly etagPrefix = randomBytes(6).toString('base64url');
  private etagCounter = 0;

  constructor(
    db: Database,
    private readonly assertOpen: () => void,
  ) {
    this.getStmt = db.prepare('SELECT value FROM bot_state WHERE key = ?');
    this.getEtagStmt = db.prepare('SELECT etag FROM bot_state WHERE key = ?');
    this.putStmt = db.prepare(
      'INSERT INTO bot_state (key, value, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag',
    );
    this.deleteStmt = db.prepare('DELETE FROM bot_state WHERE key = ?');

    this.readTx = db.transaction((keys: string[]) => {
      const items: StoreItems = {};
      for (const key of keys) {
        const row = this.getStmt.get(key);
        if (row) items[key] = JSON.parse(row.value) as StoreItem;
      }
      return items;
    });

    // IMMEDIATE: the eTag check and the write must not interleave with another process's write.
    const writeTx = db.transaction((changes: StoreItems) => {
      let conflict: Error | undefined;
      for (const key of Object.keys(changes)) {
        const item = changes[key] as StoreItem;
        if (item.eTag !== '*' && item.eTag) {
          const stored = this.getEtagStmt.get(key);
          if (stored && stored.etag !== item.eTag) {
            conflict ??= new Error(`Storage: error writing "${key}" due to eTag conflict.`);
            continue;
          }
        }
        const eTag = this.nextEtag();
        this.putStmt.run(key, JSON.stringify({ ...item, eTag }), eTag);
      }
      return conflict;
    });
    this.writeTx = (changes) => writeTx.immediate(changes);

    this.deleteTx = db.transaction((keys: string[]) => {
      for (const key of keys) this.deleteStmt.run(key);
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    this.assertOpen();
    return this.readTx(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    this.assertOpen();
    const conflict = this.writeTx(changes);
    if (conflict) throw conflict;
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen();
    this.deleteTx(keys);
  }

  private nextEtag(): string {
    this.etagCounter += 1;
    return `${this.etagPrefix}-${this.etagCounter.toString(36)}`;
  }
}
