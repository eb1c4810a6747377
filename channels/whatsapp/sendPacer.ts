/**
 * The per-number send queue: hands out send slots no faster than `ratePerSecond`, in the order
 * they were asked for. Meta counts throughput per business number (80 msg/s by default) and
 * answers 130429 above it; pacing here keeps us under the limit instead of bouncing off it.
 */
export class SendPacer {
  private readonly intervalMs: number;
  private nextSlot = 0;
  /** While > now, every slot waits: a rate-limit answer from Meta pauses the whole number. */
  private pausedUntil = 0;

  constructor(ratePerSecond: number, private readonly sleep: (ms: number) => Promise<void> = defaultSleep) {
    if (!(ratePerSecond > 0)) throw new Error(`send rate must be positive, got ${ratePerSecond}`);
    this.intervalMs = 1000 / ratePerSecond;
  }

  /** Resolves when the caller may send one message. */
  async acquire(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot, this.pausedUntil);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await this.sleep(slot - now);
  }

  /** Holds back every send of this number for `ms` (throughput limit reached). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
