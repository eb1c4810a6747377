/** Stored instants are `Date.toISOString()` strings; normalise a bound so text order = time order. */
export function toInstant(value: string, what: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`${what} is not an ISO date or date-time: ${JSON.stringify(value)}`);
  return new Date(t).toISOString();
}
