import { createI18n, loadResources, translatorFor } from '../../locales';
import { LOCALES } from '../../core/types';

/** Every key path of a resource tree, with its value. */
function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const resources = loadResources();
const baseKey = (path: string) => path.replace(/_(one|other|zero|few|many|two)$/, '').replace(/_(parent|youth)$/, '');

describe('locales', () => {
  it.each(Object.keys(resources.nl))('has every %s text in both languages', (ns) => {
    const nl = leaves(resources.nl[ns]).map(([k]) => k).sort();
    const en = leaves(resources.en[ns] ?? {}).map(([k]) => k).sort();
    expect(en).toEqual(nl);
  });

  it('translates every text exactly as i18next does, with and without variables', () => {
    const vars = { project: 'Demo', count: 3, people: 7, week: '2026-W47', score: 4, question: 'Q?', date: '1 jan', k: 5, code: 'K7PX4M', max: 2000, name: 'X', number: '113' };
    for (const lng of LOCALES) {
      const fast = translatorFor(lng);
      const full = createI18n().getFixedT(lng);
      for (const ns of Object.keys(resources[lng])) {
        for (const [path, value] of leaves(resources[lng][ns])) {
          if (typeof value !== 'string') continue;
          const key = `${ns}:${baseKey(path)}`;
          expect(fast(key)).toBe(String(full(key)));
          expect(fast(key, vars)).toBe(String(full(key, vars)));
          expect(fast(key, { project: 'P' })).toBe(String(full(key, { project: 'P' })));
          for (const context of ['parent', 'youth']) {
            expect(fast(key, { ...vars, context })).toBe(String(full(key, { ...vars, context })));
            expect(fast(key, { context })).toBe(String(full(key, { context })));
          }
        }
      }
    }
  });

  it('chooses plural forms through i18next', () => {
    const t = translatorFor('en');
    const full = createI18n().getFixedT('en');
    const plural = leaves(resources.en).find(([k]) => k.endsWith('_one'));
    expect(plural).toBeDefined();
    const key = baseKey(plural![0]).replace('.', ':');
    expect(t(key, { count: 1 })).toBe(String(full(key, { count: 1 })));
    expect(t(key, { count: 2 })).toBe(String(full(key, { count: 2 })));
    expect(t(key, { count: 1 })).not.toBe(t(key, { count: 2 }));
  });

  it("gives a role's own wording (i18next context) and falls back to the shared text", () => {
    for (const lng of LOCALES) {
      const t = translatorFor(lng);
      const full = createI18n().getFixedT(lng);
      const own = leaves(resources[lng]).filter(([k]) => /_parent(_one|_other)?$/.test(k));
      expect(own.length).toBeGreaterThan(0);
      for (const [path] of own) {
        const key = baseKey(path).replace('.', ':');
        expect(t(key, { context: 'parent', count: 2, max: 100 })).toBe(String(full(key, { context: 'parent', count: 2, max: 100 })));
      }
      // The Dutch parent's help says "u"; a role without its own text gets the shared one.
      if (lng === 'nl') expect(t('commands:help', { context: 'parent' })).not.toBe(t('commands:help'));
      expect(t('commands:help', { context: 'youth' })).toBe(t('commands:help'));
    }
  });
});
