import { cardBytes, CARD_MAX_BYTES, renderDigestCard } from '../../cards/digestCard';
import { digestToJson } from '../../cards/digestJson';
import { renderDigestMarkdown, renderDigestText } from '../../cards/digestMarkdown';
import type { Digest, RecurringTheme, ThemeScore } from '../../core/digest/types';
import { OTHER } from '../../core/digest/types';
import { translatorFor } from '../../locales';

const nl = translatorFor('nl');
const en = translatorFor('en');

function score(theme: string, average: number, over: Partial<ThemeScore> = {}): ThemeScore {
  return {
    theme,
    label: { nl: `NL ${theme}`, en: `EN ${theme}` },
    average,
    respondents: 12,
    answers: 14,
    trend: [
      { week: '2026-W08', average: average - 0.5, respondents: 9 },
      { week: '2026-W09', average: average - 0.4, respondents: 11 },
    ],
    direction: 'up',
    ...over,
  };
}

function theme(id: string, quotes: string[]): RecurringTheme {
  return {
    theme: id,
    label: { nl: `NL ${id}`, en: `EN ${id}` },
    respondents: 7,
    confirmed: null,
    share: 0.35,
    sentiment: [
      { key: 'negative', respondents: 5 },
      { key: OTHER, respondents: 5 },
    ],
    trend: [{ week: '2026-W09', respondents: 5, share: 0.2 }],
    direction: 'down',
    quotes: quotes.map((text) => ({ text, lang: 'nl' })),
  };
}

const full: Digest = {
  project: 'demo',
  projectName: { nl: 'Demoproject', en: 'Demo project' },
  week: '2026-W10',
  from: '2026-03-02',
  to: '2026-03-08',
  timeZone: 'Europe/Amsterdam',
  k: 5,
  generatedAt: '2026-03-09T07:00:00.000Z',
  enough: true,
  totals: { respondents: 20, checkIns: 24, answers: 110 },
  byRole: [
    { key: 'youth', respondents: 12, checkIns: 15, answers: 70 },
    { key: 'parent', respondents: 8, checkIns: 9, answers: 40 },
  ],
  byChannel: [{ key: 'whatsapp', respondents: 20, checkIns: 24, answers: 110 }],
  scores: [score('information', 2.4), score('outcome', 4.6, { direction: null, trend: [] })],
  hiddenScores: 1,
  freeTextRespondents: 18,
  themes: [theme('waiting', ['We wachten al maanden op hulp [link](http://x) *echt*', 'Niemand belt ons terug'])],
  hiddenThemes: 2,
  emergent: [{ phrase: 'vervoer naar school', respondents: 6, lang: 'nl' }],
  sessionChecks: { kind: 'count', value: 15 },
  lowScoreChecks: { kind: 'fewerThanK' },
  safeguardingSignals: { kind: 'none' },
  updates: [],
};

const tooFew: Digest = { ...full, enough: false, totals: null, byRole: [], byChannel: [], scores: [], themes: [], emergent: [], hiddenScores: 0, hiddenThemes: 0, freeTextRespondents: null };

describe('the digest as an Adaptive Card', () => {
  it('is version 1.5 JSON with a bar, a trend arrow and the quotes, in both languages', () => {
    for (const t of [nl, en]) {
      const card = renderDigestCard(full, t);
      const json = JSON.stringify(card);
      expect(JSON.parse(json)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expect(json).toContain('↑');
      expect(json).toContain('↓');
      expect(json).toContain('"style":"attention"'); // 2.4 of 5
      expect(json).toContain('"style":"good"'); // 4.6 of 5
      expect(json).toContain('Niemand belt ons terug');
      expect(json).toContain(t('digest:fewerThan', { k: 5 }));
    }
    expect(JSON.stringify(renderDigestCard(full, nl))).toContain('NL information');
    expect(JSON.stringify(renderDigestCard(full, en))).toContain('EN information');
  });

  it('puts quotes in TextRuns, so a respondent cannot add links or markup', () => {
    const card = renderDigestCard(full, nl);
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"TextRun"');
    const textBlocks = JSON.stringify(card.body).match(/"type":"TextBlock","text":"[^"]*"/g) ?? [];
    expect(textBlocks.join()).not.toContain('[link]');
  });

  it('uses Action.Submit only', () => {
    const actions = renderDigestCard(full, nl).actions ?? [];
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.type).toBe('Action.Submit');
  });

  it('stays under the size limit with every theme and long quotes, dropping quotes if it must', () => {
    const long = 'x'.repeat(230);
    const big: Digest = {
      ...full,
      scores: Array.from({ length: 13 }, (_, i) => score(`theme-${i}`, 1 + (i % 5))),
      themes: Array.from({ length: 13 }, (_, i) => theme(`t-${i}`, [`${long} ${i}a`, `${long} ${i}b`])),
      emergent: Array.from({ length: 5 }, (_, i) => ({ phrase: `onderwerp ${i}`, respondents: 5, lang: 'nl' as const })),
    };
    const card = renderDigestCard(big, nl);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_MAX_BYTES);
    expect(JSON.stringify(card)).toContain('theme-12');
  });

  it('shows only the "too few responses" message in a week under k', () => {
    const json = JSON.stringify(renderDigestCard(tooFew, nl));
    expect(json).toContain(nl('digest:tooFewWeek', { k: 5 }));
    expect(json).not.toContain('FactSet');
    expect(json).not.toContain('Niemand belt');
  });
});

describe('the digest as markdown and plain text', () => {
  it('has every section with labels from the locale files', () => {
    const md = renderDigestMarkdown(full, nl);
    for (const key of ['participation.title', 'scores.title', 'themes.title', 'emergent.title', 'alerts.title']) expect(md).toContain(nl(`digest:${key}`));
    expect(md).toContain('2,4 van 5'); // Dutch decimal comma
    expect(md).toContain('vervoer naar school');
    expect(renderDigestMarkdown(full, en)).toContain('2.4 of 5');
  });

  it('escapes markdown in quotes', () => {
    const md = renderDigestMarkdown(full, nl);
    expect(md).toContain('\\[link\\]\\(http://x\\) \\*echt\\*');
    expect(md).not.toContain('[link](http://x)');
  });

  it('writes plain text without markdown syntax', () => {
    const text = renderDigestText(full, en);
    expect(text).not.toMatch(/^#|\*\*/m);
    expect(text).toContain('EN waiting');
  });

  it('says "too few responses" and nothing else for a week under k', () => {
    const md = renderDigestMarkdown(tooFew, en);
    expect(md).toContain(en('digest:tooFewWeek', { k: 5 }));
    expect(md).not.toContain(en('digest:scores.title'));
  });
});

describe('the digest as JSON', () => {
  it('is the digest data with a schema tag, and a copy rather than the same object', () => {
    const json = digestToJson(full);
    expect(json.schema).toBe('hoormij.digest/1');
    expect(json.totals).toEqual(full.totals);
    json.themes[0].quotes.pop();
    expect(full.themes[0].quotes).toHaveLength(2);
  });
});
