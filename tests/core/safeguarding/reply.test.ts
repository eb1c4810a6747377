import { loadResources, translatorFor } from '../../../locales';
import { helplinesFor } from '../../../core/safeguarding/helplines';
import { safeguardingReply } from '../../../core/safeguarding/reply';

describe('safeguardingReply', () => {
  it.each([
    ['nl', 'NL', 'Dank je dat je dit deelt', 'gratis en anoniem', 'Bel dan meteen 112'],
    ['nl', 'BE', 'Dank je dat je dit deelt', 'bij geweld, misbruik', 'Bel dan meteen 112'],
    ['en', 'NL', 'Thank you for telling me', 'free and anonymous', 'Call 112 straight away'],
    ['en', 'BE', 'Thank you for telling me', 'for violence, abuse', 'Call 112 straight away'],
  ] as const)('composes the %s reply for %s: intro, one line per helpline, then 112', (lng, country, intro, about, danger) => {
    const reply = safeguardingReply(translatorFor(lng), country);
    const lines = reply.split('\n');
    const helplines = helplinesFor(country).filter((l) => l.number !== '112');
    expect(lines).toHaveLength(helplines.length + 2);
    expect(lines[0]).toContain(intro);
    helplines.forEach((line, i) => {
      expect(lines[i + 1]).toMatch(new RegExp(`^• ${line.name}: ${line.number} \\(.+\\)$`));
    });
    expect(reply).toContain(about);
    expect(lines[lines.length - 1]).toContain(danger);
    expect(reply).not.toMatch(/safeguarding:|\{\{/);
  });
});

describe('safeguarding and privacy texts', () => {
  const keysOf = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];

  it.each(['safeguarding', 'privacy'])('has the same %s keys in nl and en', (ns) => {
    const resources = loadResources();
    expect(keysOf(resources.en[ns]).sort()).toEqual(keysOf(resources.nl[ns]).sort());
  });

  it('describes every helpline in both languages', () => {
    for (const lng of ['nl', 'en'] as const) {
      const t = translatorFor(lng);
      for (const line of [...helplinesFor('NL'), ...helplinesFor('BE')]) {
        expect(t(`safeguarding:line.${line.id}`)).not.toContain('line.');
      }
    }
  });

  it.each(['contact.ask', 'contact.yes', 'contact.no', 'contact.noContact', 'contact.sent', 'contact.declined'])(
    'has the follow-up text %s in both languages',
    (key) => {
      const nl = translatorFor('nl')(`safeguarding:${key}`);
      const en = translatorFor('en')(`safeguarding:${key}`);
      expect(nl).not.toBe(key);
      expect(en).not.toBe(key);
      expect(nl).not.toBe(en);
    },
  );
});
