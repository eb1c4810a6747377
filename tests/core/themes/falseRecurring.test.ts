import { simulateFalseRecurring } from './falseRecurring';

describe('simulateFalseRecurring', () => {
  const items = (n: number, gold: string[], predicted: string[]) => Array.from({ length: n }, () => ({ gold, predicted }));

  it('finds nothing false when the output is the gold labels', () => {
    const set = [...items(40, ['waiting'], ['waiting']), ...items(60, [], [])];
    const r = simulateFalseRecurring(set, { weeks: 200 });
    expect(r.shown).toBeGreaterThan(0);
    expect(r.falseShare).toBe(0);
    expect(r.missed).toBe(0);
  });

  it('counts a theme shown on statements that do not carry it as false recurring, as a share of all shown', () => {
    // waiting is right everywhere, safety is tagged on 30% of statements that never carry it
    const set = [...items(40, ['waiting'], ['waiting']), ...items(30, [], ['safety']), ...items(30, [], [])];
    const r = simulateFalseRecurring(set, { weeks: 500 });
    expect(r.falseShare).toBeGreaterThan(0.4);
    expect(r.falseShare).toBeLessThan(0.6);
    expect(r.falseShown).toBeLessThanOrEqual(r.shown);
  });

  it('draws each week without replacement and the same weeks for the same seed', () => {
    const set = [...items(5, ['waiting'], ['waiting']), ...items(25, [], [])];
    // 30 of 30: every week holds all five, so waiting is recurring and shown every week
    expect(simulateFalseRecurring(set, { weeks: 50 })).toMatchObject({ shown: 50, falseShown: 0, missed: 0 });
    const big = [...items(60, ['a'], ['b']), ...items(60, [], [])];
    expect(simulateFalseRecurring(big, { seed: 3 })).toEqual(simulateFalseRecurring(big, { seed: 3 }));
  });
});
