import type { Digest, GroupCell, RecurringTheme, ThemeScore } from '../core/digest/types';
import type { Translate } from '../core/translate';
import { digestFormat, type DigestFormat } from './digestFormat';
import { teamLines } from './digestTeams';
import { doneSection, replyAction } from './digestUpdates';

/** Teams refuses messages of about 28 KB; stay well below with room for the activity around it. */
export const CARD_MAX_BYTES = 24_000;

type Element = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Element[];
  actions?: Element[];
  fallbackText: string;
  msteams?: { width: 'Full' };
}

const text = (value: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
const heading = (value: string): Element => text(value, { size: 'Medium', weight: 'Bolder', spacing: 'Large', separator: true });
const note = (value: string): Element => text(value, { isSubtle: true, size: 'Small', spacing: 'Small' });
/** Respondents' words go in a TextRun, which Teams does not read as markdown. */
const literal = (value: string, extra: Element = {}): Element => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text: value, ...extra }],
});

function facts(f: DigestFormat, kind: 'role' | 'channel', title: string, cells: GroupCell[]): Element {
  const list = cells.length
    ? cells.map((c) => ({ title: f.group(kind, c.key), value: f.t('digest:participation.cell', { people: f.people(c.respondents), checkIns: c.checkIns }) }))
    : [{ title, value: f.t('digest:participation.groupsTooSmall') }];
  return { type: 'Container', spacing: 'Small', items: [text(title, { weight: 'Bolder', size: 'Small' }), { type: 'FactSet', facts: list }] };
}

/** A bar as two weighted columns: Teams and Web Chat both draw it; Chart.* only exists in Teams. */
function bar(average: number): Element {
  const filled = Math.max(1, Math.min(100, Math.round((average / 5) * 100)));
  const style = average >= 4 ? 'good' : average >= 3 ? 'warning' : 'attention';
  const columns: Element[] = [{ type: 'Column', width: filled, style, minHeight: '14px', items: [] }];
  if (filled < 100) columns.push({ type: 'Column', width: 100 - filled, style: 'emphasis', minHeight: '14px', items: [] });
  return { type: 'ColumnSet', spacing: 'None', columns };
}

function scoreRow(f: DigestFormat, s: ThemeScore, details: boolean): Element {
  const previous = details && s.trend.length
    ? ` · ${f.t('digest:scores.previous', { points: s.trend.map((p) => f.score(p.average)).join(' · ') })}`
    : '';
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 40, verticalContentAlignment: 'Center', items: [text(f.label(s.label), { size: 'Small' })] },
          { type: 'Column', width: 45, verticalContentAlignment: 'Center', items: [bar(s.average)] },
          {
            type: 'Column',
            width: 15,
            verticalContentAlignment: 'Center',
            items: [text(`${f.score(s.average)} ${f.arrow(s.direction)}`.trim(), { weight: 'Bolder', horizontalAlignment: 'Right' })],
          },
        ],
      },
      note(`${f.people(s.respondents)} · ${f.trendWords(s.direction)}${previous}`),
    ],
  };
}

/** "Per team": a fact per group, after the scores they break down. */
function teamSection(f: DigestFormat, d: Digest): Element[] {
  const lines = teamLines(f, d);
  if (lines.length === 0) return [];
  return [
    heading(f.t('digest:teams.title')),
    note(f.t('digest:teams.note', { k: d.k })),
    { type: 'FactSet', facts: lines.map((l) => ({ title: l.label, value: l.text })) },
  ];
}

function themeBlock(f: DigestFormat, d: Digest, th: RecurringTheme, withQuotes: boolean, withReply: boolean): Element {
  const tone = f.tone(th.sentiment);
  const items: Element[] = [
    text(`${f.label(th.label)} ${f.arrow(th.direction)}`.trim(), { weight: 'Bolder' }),
    note(`${f.themeLine(th)} · ${f.trendWords(th.direction)}`),
  ];
  if (tone) items.push(note(tone));
  if (withQuotes) for (const q of th.quotes) items.push(literal(f.t('digest:quote', { text: q.text }), { italic: true }));
  if (withReply) items.push(replyAction(f, d, th));
  return { type: 'Container', spacing: 'Medium', items };
}

function build(d: Digest, t: Translate, withQuotes: boolean, details: boolean, replies = true): AdaptiveCard {
  const f = digestFormat(t);
  const project = f.label(d.projectName);
  const body: Element[] = [
    text(t('digest:title', { project }), { size: 'Large', weight: 'Bolder' }),
    text(t('digest:period', { week: d.week, from: f.date(d.from), to: f.date(d.to) }), { isSubtle: true, spacing: 'None' }),
  ];
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText: t('digest:cardFallback', { project, week: d.week }),
    msteams: { width: 'Full' },
  };
  if (!d.enough || !d.totals) {
    body.push(text(t('digest:tooFewWeek', { k: d.k })), ...doneSection(d, t));
    return card;
  }

  body.push(heading(t('digest:participation.title')), {
    type: 'FactSet',
    facts: [
      { title: t('digest:participation.respondents'), value: String(d.totals.respondents) },
      { title: t('digest:participation.checkIns'), value: String(d.totals.checkIns) },
    ],
  });
  body.push(facts(f, 'role', t('digest:participation.byRole'), d.byRole));
  body.push(facts(f, 'channel', t('digest:participation.byChannel'), d.byChannel));

  body.push(heading(t('digest:scores.title')), note(t('digest:scores.scale')));
  if (d.scores.length === 0) body.push(note(t('digest:scores.empty')));
  for (const s of d.scores) body.push(scoreRow(f, s, details));
  if (d.hiddenScores > 0) body.push(note(t('digest:scores.hidden', { count: d.hiddenScores })));
  body.push(...teamSection(f, d));

  body.push(heading(t('digest:themes.title')));
  if (d.freeTextRespondents !== null) body.push(note(t('digest:themes.writers', { people: f.people(d.freeTextRespondents) })));
  if (d.themes.length === 0) body.push(note(t('digest:themes.empty', { k: d.k })));
  for (const th of d.themes) body.push(themeBlock(f, d, th, withQuotes, replies));
  if (d.hiddenThemes > 0) body.push(note(t('digest:themes.hidden', { count: d.hiddenThemes })));

  body.push(...doneSection(d, t));

  body.push(heading(t('digest:emergent.title')));
  if (d.emergent.length === 0) body.push(note(t('digest:emergent.empty')));
  for (const e of d.emergent) body.push(literal(t('digest:emergent.line', { phrase: e.phrase, people: f.people(e.respondents) })));

  body.push(heading(t('digest:alerts.title')), {
    type: 'FactSet',
    facts: [
      { title: t('digest:alerts.sessionChecks'), value: f.count(d.sessionChecks, d.k) },
      { title: t('digest:alerts.lowScores'), value: f.count(d.lowScoreChecks, d.k) },
      { title: t('digest:alerts.safeguarding'), value: f.count(d.safeguardingSignals, d.k) },
    ],
  });
  if (d.safeguardingSignals.kind !== 'none') body.push(note(t('digest:alerts.safeguardingNote')));
  body.push(note(t('digest:privacy', { k: d.k })));
  return card;
}

/** The command a button on the card sends back, as if the lead had typed it. */
function withUnsubscribe(card: AdaptiveCard, d: Digest, t: Translate): AdaptiveCard {
  const command = `${t('digest:words.digest').split('|')[0]} ${t('digest:words.unsubscribe').split('|')[0]} ${d.project}`;
  return {
    ...card,
    actions: [
      {
        type: 'Action.Submit',
        title: t('digest:actions.unsubscribe'),
        data: { msteams: { type: 'imBack', value: command }, hoormijCommand: command },
      },
    ],
  };
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * The digest as an Adaptive Card 1.5 for Teams: a bar per theme score, trend arrows and
 * quotes. When the card would not fit Teams' size limit, quotes go first, then trend details.
 */
export function renderDigestCard(d: Digest, t: Translate): AdaptiveCard {
  for (const [quotes, details] of [
    [true, true],
    [false, true],
    [false, false],
  ] as const) {
    const card = withUnsubscribe(build(d, t, quotes, details), d, t);
    if (cardBytes(card) <= CARD_MAX_BYTES) return card;
  }
  // the Reageer forms go last: a lead can still answer with `digest nu` on a smaller week
  return withUnsubscribe(build(d, t, false, false, false), d, t);
}
