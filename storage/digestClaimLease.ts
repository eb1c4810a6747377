/**
 * The instant before which an unsent digest claim made at `claimedAt` counts as stale, as the
 * ISO string both stores compare stored claimedAt values with (text order = time order).
 */
export function staleClaimCutoff(at: string, leaseMs: number): string {
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new RangeError(`digest claim time is not an ISO date-time: ${JSON.stringify(at)}`);
  if (!Number.isFinite(leaseMs) || leaseMs < 0) throw new RangeError(`digest claim lease must be a finite number of ms >= 0, got ${leaseMs}`);
  return new Date(t - leaseMs).toISOString();
}
