import { LruCache } from '../../core/lruCache';

describe('LruCache', () => {
  it('never holds more than its capacity', () => {
    const cache = new LruCache<string, number>(3);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
    expect([cache.get('k6'), cache.get('k7'), cache.get('k8'), cache.get('k9')]).toEqual([undefined, 7, 8, 9]);
  });

  it('forgets the least recently used entry first: a read counts as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('removes an entry only while it still holds the given value', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('k', 1);
    cache.set('k', 2);
    cache.deleteIf('k', 1);
    expect(cache.get('k')).toBe(2);
    cache.deleteIf('k', 2);
    expect(cache.get('k')).toBeUndefined();
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(/positive integer/);
  });
});
