/** ISO 8601 weeks ("2026-W47") computed in a given IANA time zone. */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/**
 * The last date computed per time zone, by whole second: UTC offsets (tzdata's included) are
 * whole seconds, so the local date cannot change within one, and formatToParts is the
 * expensive part of storing an answer when many arrive each second.
 */
const lastDates = new Map<string, { second: number; date: { y: number; m: number; d: number } }>();

/** The calendar date (y, m, d) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): { y: number; m: number; d: number } {
  const second = Math.floor(instant.getTime() / 1000);
  const last = lastDates.get(timeZone);
  if (last && last.second === second) return { ...last.date };
  const p = formatter(timeZone).formatToParts(instant);
  const get = (t: string) => Number(p.find((x) => x.type === t)?.value);
  const date = { y: get('year'), m: get('month'), d: get('day') };
  lastDates.set(timeZone, { second, date: { ...date } });
  return date;
}

export function isoWeekOfDate(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  const day = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - day);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoWeek(instant: Date, timeZone: string): string {
  const { y, m, d } = localDate(instant, timeZone);
  return isoWeekOfDate(y, m, d);
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

export function isValidWeek(week: string): boolean {
  const m = WEEK_RE.exec(week);
  if (!m) return false;
  const w = Number(m[2]);
  return w >= 1 && w <= 53 && isoWeekOfDate(...mondayOf(week)) === week;
}

/** Monday of an ISO week as (y, m, d). */
export function mondayOf(week: string): [number, number, number] {
  const m = WEEK_RE.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const year = Number(m[1]);
  const w = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (w - 1) * 7);
  return [monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate()];
}

/** The week n weeks before (negative n: after) the given week. */
export function shiftWeek(week: string, n: number): string {
  const [y, m, d] = mondayOf(week);
  const t = new Date(Date.UTC(y, m - 1, d - 7 * n));
  return isoWeekOfDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The last fully completed ISO week at an instant, in a time zone. */
export function lastCompletedWeek(now: Date, timeZone: string): string {
  return shiftWeek(isoWeek(now, timeZone), 1);
}
