import { dueDigest, dueWeek } from '../../bot/digestScheduler';
import { backoffDelay, statusOf } from '../../bot/digestDelivery';

const amsterdam = { digestCron: '0 8 * * 1', timeZone: 'Europe/Amsterdam' };

describe('dueWeek', () => {
  it('is the week before last until Monday 08:00 in the project time zone, then last week', () => {
    // Monday 9 March 2026: 07:59 and 08:00 in Amsterdam (UTC+1)
    expect(dueWeek(amsterdam, new Date('2026-03-09T06:59:00Z'))).toBe('2026-W09');
    expect(dueWeek(amsterdam, new Date('2026-03-09T07:00:00Z'))).toBe('2026-W10');
  });

  it('still finds last week when the server comes back on Wednesday', () => {
    const due = dueDigest(amsterdam, new Date('2026-03-11T15:00:00Z'));
    expect(due.week).toBe('2026-W10');
    expect(due.at.toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });

  it('follows the project time zone across daylight saving time and a custom schedule', () => {
    // summer time: Monday 08:00 in Brussels is 06:00 UTC
    const brussels = { digestCron: '0 8 * * 1', timeZone: 'Europe/Brussels' };
    expect(dueWeek(brussels, new Date('2026-06-08T05:59:00Z'))).toBe('2026-W22');
    expect(dueWeek(brussels, new Date('2026-06-08T06:00:00Z'))).toBe('2026-W23');
    // Tuesday 14:30
    const tuesday = { digestCron: '30 14 * * 2', timeZone: 'Europe/Amsterdam' };
    expect(dueWeek(tuesday, new Date('2026-03-10T13:29:00Z'))).toBe('2026-W09');
    expect(dueWeek(tuesday, new Date('2026-03-10T13:30:00Z'))).toBe('2026-W10');
  });
});

describe('delivery retries', () => {
  it('backs off exponentially with jitter, capped', () => {
    const o = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };
    expect(backoffDelay(0, o, () => 0)).toBe(500);
    expect(backoffDelay(0, o, () => 1)).toBe(1000);
    expect(backoffDelay(2, o, () => 1)).toBe(4000);
    expect(backoffDelay(6, o, () => 1)).toBe(5000);
  });

  it('reads the HTTP status of a connector error in its several shapes', () => {
    expect(statusOf({ statusCode: 429 })).toBe(429);
    expect(statusOf({ response: { status: 403 } })).toBe(403);
    expect(statusOf(new Error('ECONNREFUSED'))).toBeUndefined();
  });
});
