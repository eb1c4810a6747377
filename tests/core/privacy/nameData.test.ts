import firstNames from '../../../core/privacy/wordlists/first-names.json';
import ambiguity from '../../../core/privacy/wordlists/name-ambiguity.json';
import context from '../../../core/privacy/wordlists/name-context.json';

describe('name data', () => {
  const names = new Set(firstNames);

  it('ships at least 1,500 distinct first names', () => {
    expect(names.size).toBe(firstNames.length);
    expect(names.size).toBeGreaterThanOrEqual(1500);
  });

  it('stores names in lower case without accents, as the look-up expects', () => {
    expect(firstNames.filter((n) => !/^[a-z]+(?:-[a-z]+)*$/.test(n))).toEqual([]);
  });

  it.each(['sanne', 'daan', 'fatima', 'mohammed', 'ayse', 'zeynep', 'radjesh', 'agnieszka', 'jake', 'zoe', 'an', 'wout'])(
    'knows %s',
    (name) => expect(names.has(name)).toBe(true),
  );

  it('only marks known names as ambiguous or word-like, never both', () => {
    expect([...ambiguity.ambiguous, ...ambiguity.wordLike].filter((n) => !names.has(n))).toEqual([]);
    expect(ambiguity.ambiguous.filter((n) => ambiguity.wordLike.includes(n))).toEqual([]);
  });

  it('keeps month and weekday names out of the first-name list', () => {
    const calendar = context.notSurname.filter((w) => /(?:dag|day|ber|uari|uary|maart|march|april|mei|may|juni|june|juli|july|augustus|august)$/.test(w));
    expect(calendar.length).toBeGreaterThan(20);
    expect(calendar.filter((w) => names.has(w))).toEqual([]);
  });
});
