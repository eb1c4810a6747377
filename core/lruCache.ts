/**
 * A size-capped map that forgets the least recently used entry first. Map keeps insertion
 * order, so re-inserting on every hit moves the key to the young end.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  private newest: K | undefined;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LRU capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A hit on the newest entry (the same client or participant again) needs no reordering.
    if (key !== this.newest) {
      this.entries.delete(key);
      this.entries.set(key, value);
      this.newest = key;
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
    if (key === this.newest) this.newest = undefined;
  }

  clear(): void {
    this.entries.clear();
    this.newest = undefined;
  }

  /** Removes the key only while it still holds this value (a newer entry stays). */
  deleteIf(key: K, value: V): void {
    if (this.entries.get(key) === value) this.delete(key);
  }
}
