import { isoWeek, isValidWeek, lastCompletedWeek, mondayOf, shiftWeek } from '../../core/isoWeek';

describe('ISO weeks in a time zone', () => {
  it.each([
    ['2026-11-22T12:00:00Z', '2026-W47'],
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
  ])('%s falls in %s', (instant, week) => {
    expect(isoWeek(new Date(instant), 'Europe/Amsterdam')).toBe(week);
  });

  it('uses the local date: Sunday 23:30 UTC is already Monday in Amsterdam', () => {
    expect(isoWeek(new Date('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-W47');
    expect(isoWeek(new Date('2026-11-22T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-W48');
  });

  it('shifts across year ends and finds the last completed week', () => {
    expect(shiftWeek('2026-W01', 1)).toBe('2025-W52');
    expect(shiftWeek('2026-W53', -1)).toBe('2027-W01');
    expect(lastCompletedWeek(new Date('2026-11-23T09:00:00Z'), 'Europe/Amsterdam')).toBe('2026-W47');
    expect(mondayOf('2026-W47')).toEqual([2026, 11, 16]);
  });

  it('validates week strings', () => {
    expect(isValidWeek('2026-W47')).toBe(true);
    expect(isValidWeek('2026-W53')).toBe(true);
    expect(isValidWeek('2025-W53')).toBe(false);
    expect(isValidWeek('2026-47')).toBe(false);
  });
});

describe('local dates of instants close together', () => {
  it('switches date at local midnight even when the previous call was a moment earlier', () => {
    // Sunday 23:59:59.999 and Monday 00:00:00.000 in Amsterdam (UTC+1 in January).
    expect(isoWeek(new Date('2026-01-04T22:59:59.999Z'), 'Europe/Amsterdam')).toBe('2026-W01');
    expect(isoWeek(new Date('2026-01-04T23:00:00.000Z'), 'Europe/Amsterdam')).toBe('2026-W02');
  });

  it('keeps time zones apart within the same second', () => {
    const instant = new Date('2026-01-04T23:30:00.000Z');
    expect(isoWeek(instant, 'Europe/Amsterdam')).toBe('2026-W02');
    expect(isoWeek(instant, 'UTC')).toBe('2026-W01');
    expect(isoWeek(instant, 'Europe/Amsterdam')).toBe('2026-W02');
  });
});
