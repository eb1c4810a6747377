import { guardedCount, mergeSmallGroups, newGroup, type Group } from '../../../core/digest/minimumGroup';
import { OTHER } from '../../../core/digest/types';

function group(key: string, ids: string[]): Group {
  const g = newGroup(key);
  for (const id of ids) {
    g.participants.add(id);
    g.runs.add(`run-${id}`);
    g.answers++;
  }
  return g;
}
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('mergeSmallGroups', () => {
  it('keeps every group of 5 or more as it is', () => {
    expect(mergeSmallGroups([group('a', ids('a', 5)), group('b', ids('b', 6))], 5).map((c) => [c.key, c.respondents])).toEqual([
      ['b', 6],
      ['a', 5],
    ]);
  });

  it('counts a person once in the merged cell, even when they were in two small groups', () => {
    const cells = mergeSmallGroups([group('a', ids('a', 9)), group('b', ['x', 'y', 'z']), group('c', ['x', 'y', 'q', 'r'])], 5);
    expect(cells.map((c) => [c.key, c.respondents])).toEqual([
      ['a', 9],
      [OTHER, 5],
    ]);
  });

  it('returns nothing when only a merged cell equal to the total would be left', () => {
    expect(mergeSmallGroups([group('a', ids('a', 4)), group('b', ids('b', 3))], 5)).toEqual([]);
    expect(mergeSmallGroups([group('a', ids('a', 8)), group('b', ids('b', 4))], 5)).toEqual([]);
  });
});

describe('guardedCount', () => {
  it('says none for zero, "fewer than k" under k people, and the number from k on', () => {
    expect(guardedCount(0, 0, 5)).toEqual({ kind: 'none' });
    expect(guardedCount(9, 4, 5)).toEqual({ kind: 'fewerThanK' });
    expect(guardedCount(9, 5, 5)).toEqual({ kind: 'count', value: 9 });
  });
});
