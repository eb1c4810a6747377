import type { Database } from 'better-sqlite3';
import type { SqliteStore } from '../../storage/sqlite';

/** The store's own connection: SQLite limits such as max_page_count hold per connection. */
function connectionOf(store: SqliteStore): Database {
  return (store as unknown as { db: Database }).db;
}

/** Every write fails from now on while reads still work, as on a read-only or broken disk. */
export function refuseWrites(store: SqliteStore): void {
  connectionOf(store).pragma('query_only = ON');
}

/**
 * A full disk: the database file may not grow by a single page (PRAGMA max_page_count), after a
 * VACUUM has left no free page to reuse. Small updates that fit an existing page still succeed,
 * as they do on a real full disk; anything that needs room fails with SQLITE_FULL.
 */
export function fillDisk(store: SqliteStore): void {
  const db = connectionOf(store);
  db.exec('VACUUM');
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
}
