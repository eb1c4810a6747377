import { loadResources, translatorFor } from '../../../locales';
import { helplinesFor } from '../../../core/safeguarding/helplines';
import { safeguardingReply } from '../../../core/safeguarding/reply';

describe('safeguardingReply', () => {
  it.each([
    ['nl', 'NL', 'Dank je dat je dit deelt', 'gratis en anoniem', 'Bel dan meteen 112'],
    ['nl', 'BE', 'Dank je dat je dit deelt', 'bij geweld of misbruik', 'Bel dan meteen 112'],
    ['en', 'NL', 'Thank you for telling me', 'free and anonymous', 'Call 112 straight away'],
    ['en', 'BE', 'Thank you for telling me', 'for violence or abuse', 'Call 112 straight away'],
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

describe('opening hours in the helplines text', () => {
  const HOURS = /dag en nacht|day and night|24\/7|24 uur|24 hours|open (?:van|from)|\d{1,2}[:.]\d{2}/i;

  it.each(['nl', 'en'] as const)('says "day and night" only for the lines standards.md gives as 24/7 (%s)', (lng) => {
    const t = translatorFor(lng);
    const allDay = lng === 'nl' ? 'dag en nacht' : 'day and night';
    const nl = safeguardingReply(t, 'NL').split('\n');
    expect(nl.filter((l) => l.includes(allDay)).map((l) => l.split(':')[0])).toEqual(['• 113 Zelfmoordpreventie', '• Veilig Thuis']);
    // standards.md gives no hours for Awel, the Zelfmoordlijn or Hulplijn 1712: the reply gives none either
    expect(safeguardingReply(t, 'BE')).not.toMatch(HOURS);
  });

  it('keeps hours out of the line descriptions, so only the helpline data can claim them', () => {
    for (const lng of ['nl', 'en'] as const) {
      const lines = (loadResources()[lng].safeguarding as { line: Record<string, string> }).line;
      for (const [id, text] of Object.entries(lines)) expect({ id, text, hours: HOURS.test(text) }).toEqual({ id, text, hours: false });
    }
  });

  it('writes every number plainly (digits and a dash), ready for a tap-to-call link', () => {
    for (const line of [...helplinesFor('NL'), ...helplinesFor('BE')]) expect(line.number).toMatch(/^\d+(?:-\d+)?$/);
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
