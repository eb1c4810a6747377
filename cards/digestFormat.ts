import type { Direction, GuardedCount, RecurringTheme, SentimentCell } from '../core/digest/types';
import { OTHER } from '../core/digest/types';
import type { LocalizedText, Translate } from '../core/translate';
import { LOCALES, type Locale } from '../core/types';

/** Number, label and arrow formatting shared by the digest renderers. */
export interface DigestFormat {
  lang: Locale;
  t: Translate;
  score(n: number): string;
  percent(share: number): string;
  people(n: number): string;
  label(text: LocalizedText): string;
  group(kind: 'role' | 'channel' | 'sentiment', key: string): string;
  count(c: GuardedCount, k: number): string;
  arrow(d: Direction | null): string;
  trendWords(d: Direction | null): string;
  date(isoDate: string): string;
  /** How people wrote about a theme as a sentence: "8 mensen schreven er negatief over, 3 positief." */
  tone(cells: readonly SentimentCell[]): string | undefined;
  /** "12 mensen (40% van wie iets schreef), bevestigd door 5 mensen". */
  themeLine(th: RecurringTheme): string;
}

const ARROWS: Record<Direction, string> = { up: '↑', down: '↓', flat: '→' };

export function digestFormat(t: Translate): DigestFormat {
  const tagged = t('digest:lang');
  const lang: Locale = (LOCALES as readonly string[]).includes(tagged) ? (tagged as Locale) : 'nl';
  const one = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return {
    lang,
    t,
    score: (n) => one.format(n),
    percent: (s) => pct.format(s),
    people: (n) => t('digest:people', { count: n }),
    label: (text) => text[lang],
    group: (kind, key) => {
      const k = key === OTHER ? 'merged' : key;
      const v = t(`digest:${kind}.${k}`);
      // an unknown channel id has no translation: show the id itself rather than the key path
      return v === `${kind}.${k}` || v === `digest:${kind}.${k}` ? key : v;
    },
    count: (c, k) =>
      c.kind === 'none' ? t('digest:none') : c.kind === 'fewerThanK' ? t('digest:fewerThan', { k }) : String(c.value),
    arrow: (d) => (d ? ARROWS[d] : ''),
    trendWords: (d) => t(`digest:trend.${d ?? 'new'}`),
    date: (iso) => day.format(new Date(`${iso}T00:00:00Z`)),
    tone: (cells) => {
      const sorted = [...cells].sort((a, b) => b.respondents - a.respondents);
      if (sorted.length === 0) return undefined;
      const word = (c: SentimentCell) => t(`digest:tone.${c.key === OTHER ? 'merged' : c.key}`);
      const [first, ...rest] = sorted;
      const parts = [t('digest:tone.first', { count: first.respondents, tone: word(first) }), ...rest.map((c) => t('digest:tone.more', { count: c.respondents, tone: word(c) }))];
      return `${parts.join(', ')}.`;
    },
    themeLine: (th) => {
      const line = t('digest:themes.line', { people: t('digest:people', { count: th.respondents }), share: pct.format(th.share) });
      return th.confirmed === null ? line : `${line}, ${t('digest:themes.confirmed', { people: t('digest:people', { count: th.confirmed }) })}`;
    },
  };
}
