/**
 * Runs the turns of one conversation one after another. Two activities of the same
 * conversation can arrive together (a double tap, the web chat's join event right before a
 * message); run side by side they would both read the same state and the later save would
 * undo the earlier one. Within one process a promise chain per key is enough.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    try {
      await previous;
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Conversations with a turn running or waiting (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
