import { renderDigestCard } from '../../cards/digestCard';
import { digestToJson } from '../../cards/digestJson';
import { renderDigestMarkdown } from '../../cards/digestMarkdown';
import { emergentThemes } from '../../core/digest/emergentThemes';
import { NO_TEAM } from '../../core/digest/teamBreakdown';
import { OTHER, type Digest } from '../../core/digest/types';
import { translatorFor } from '../../locales';
import { adaptiveCardProblems } from '../helpers/adaptiveCard';
import { answer, K, people, testData } from '../core/digest/digestFixtures';

const nl = translatorFor('nl');
const en = translatorFor('en');

const base: Digest = {
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
  byRole: [],
  byChannel: [],
  scores: [],
  hiddenScores: 0,
  freeTextRespondents: 12,
  themes: [
    {
      theme: 'waiting',
      label: { nl: 'Wachten', en: 'Waiting' },
      respondents: 11,
      confirmed: null,
      share: 0.5,
      sentiment: [
        { key: 'positive', respondents: 3 },
        { key: 'negative', respondents: 8 },
      ],
      trend: [],
      direction: null,
      quotes: [],
    },
  ],
  hiddenThemes: 0,
  emergent: [],
  sessionChecks: { kind: 'count', value: 15 },
  lowScoreChecks: { kind: 'none' },
  safeguardingSignals: { kind: 'none' },
  updates: [],
  teams: {
    themes: [{ theme: 'listening-respect', label: { nl: 'Luisteren', en: 'Listening' } }],
    teams: [
      { key: 'wijkteam-noord', respondents: 9, averages: [{ theme: 'listening-respect', average: 4.2 }] },
      { key: NO_TEAM, respondents: 6, averages: [{ theme: 'listening-respect', average: 3.5 }] },
      { key: OTHER, respondents: 5, averages: [{ theme: 'listening-respect', average: 2 }] },
    ],
  },
};

describe('the team breakdown in the digest renderers', () => {
  it('shows each group with its people and averages on the card, in markdown and in JSON', () => {
    const card = renderDigestCard(base, nl);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain(nl('digest:teams.title'));
    expect(json).toContain('"title":"wijkteam-noord","value":"9 mensen · Luisteren: 4,2"');
    expect(json).toContain(`"title":"${nl('digest:teams.noTeam')}"`);
    expect(json).toContain(`"title":"${nl('digest:teams.other')}","value":"5 mensen · Luisteren: 2,0"`);
    const md = renderDigestMarkdown(base, en);
    expect(md).toContain(en('digest:teams.title'));
    expect(md).toContain('6 people · Listening: 3.5');
    expect(md).toContain(en('digest:teams.other'));
    expect(digestToJson(base).teams?.teams.map((t) => t.key)).toEqual(['wijkteam-noord', NO_TEAM, OTHER]);
  });

  it('has no team section in a week without a breakdown', () => {
    const { teams: _none, ...without } = base;
    expect(JSON.stringify(renderDigestCard(without, nl))).not.toContain(nl('digest:teams.title'));
    expect(renderDigestMarkdown(without, nl)).not.toContain(nl('digest:teams.title'));
  });
});

describe('digest wording a lead reads at a glance', () => {
  it('says how people wrote about a theme in a plain sentence, largest group first', () => {
    expect(JSON.stringify(renderDigestCard(base, nl))).toContain('8 mensen schreven er negatief over, 3 positief.');
    expect(renderDigestMarkdown(base, en)).toContain('8 people wrote about it negatively, 3 positively.');
    expect(renderDigestMarkdown(base, nl)).not.toContain('Toon:');
  });

  it('explains that the text of safeguarding signals is never shown only when there are signals', () => {
    expect(JSON.stringify(renderDigestCard(base, nl))).not.toContain(nl('digest:alerts.safeguardingNote'));
    expect(renderDigestMarkdown(base, nl)).not.toContain(nl('digest:alerts.safeguardingNote'));
    for (const signals of [{ kind: 'count', value: 6 }, { kind: 'fewerThanK' }] as const) {
      const d = { ...base, safeguardingSignals: signals };
      expect(JSON.stringify(renderDigestCard(d, nl))).toContain(nl('digest:alerts.safeguardingNote'));
      expect(renderDigestMarkdown(d, en)).toContain(en('digest:alerts.safeguardingNote'));
    }
  });

  it('does not list a phrase as new when most who wrote it were tagged with a theme the digest shows', () => {
    const data = testData();
    const rows = people(6).map((participant) =>
      answer('demo', { participant, question: 'remark', theme: null, score: null, text: 'het vervoer naar school duurt lang', themes: ['accessibility'], locale: 'nl' }),
    );
    const asNew = emergentThemes(rows, data.catalogue, K);
    expect(asNew.length).toBeGreaterThan(0);
    expect(emergentThemes(rows, data.catalogue, K, new Set(['accessibility']))).toEqual([]);
    expect(emergentThemes(rows, data.catalogue, K, new Set(['waiting']))).toEqual(asNew);
  });
});
