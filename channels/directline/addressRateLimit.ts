import type { Clock } from '../../core/clock';
import type { RateDecision } from './rateLimit';

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows of requests per client address. The table is bounded: when it is
 * full, expired windows are dropped first, then the oldest ones (a client forgotten that way
 * simply starts a new window).
 */
export class AddressRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
    private readonly maxAddresses = 50_000,
  ) {}

  take(address: string): RateDecision {
    const now = this.clock.now().getTime();
    let w = this.windows.get(address);
    if (!w || now - w.start >= WINDOW_MS) {
      this.windows.delete(address);
      if (this.windows.size >= this.maxAddresses) this.makeRoom(now);
      w = { start: now, count: 0 };
      this.windows.set(address, w);
    }
    if (w.count >= this.perMinute) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) };
    w.count++;
    return { ok: true };
  }

  private makeRoom(now: number): void {
    // Insertion order is window start order, so expired windows are at the front.
    for (const [address, w] of this.windows) {
      if (now - w.start < WINDOW_MS && this.windows.size < this.maxAddresses) break;
      this.windows.delete(address);
    }
  }
}
