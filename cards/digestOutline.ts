import type { Digest, GroupCell, GuardedCount } from '../core/digest/types';
import type { Translate } from '../core/translate';
import { digestFormat, type DigestFormat } from './digestFormat';
import { teamLines } from './digestTeams';
import { updateLines } from './digestUpdates';

/** The digest as plain blocks, so markdown and plain text say exactly the same. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'line'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'item'; label: string; text: string }
  /** Text respondents wrote (scrubbed, never flagged): renderers must escape it. */
  | { kind: 'quote'; text: string };

function cells(f: DigestFormat, kind: 'role' | 'channel', list: GroupCell[]): Block[] {
  if (list.length === 0) return [{ kind: 'note', text: f.t('digest:participation.groupsTooSmall') }];
  return list.map((c) => ({
    kind: 'item',
    label: f.group(kind, c.key),
    text: f.t('digest:participation.cell', { people: f.people(c.respondents), checkIns: c.checkIns }),
  }));
}

function countItem(f: DigestFormat, label: string, c: GuardedCount, k: number): Block {
  return { kind: 'item', label, text: f.count(c, k) };
}

/** "Wat we deden": the lead's words as a quote, so no renderer reads them as markup. */
function doneBlocks(f: DigestFormat, d: Digest): Block[] {
  if (d.updates.length === 0) return [];
  return [
    { kind: 'heading', text: f.t('digest:done.title') },
    ...d.updates.flatMap((u): Block[] => {
      const l = updateLines(f, u, d.k);
      return [{ kind: 'line', text: l.title }, { kind: 'quote', text: l.text }, { kind: 'note', text: l.figures }];
    }),
  ];
}

export function digestOutline(d: Digest, t: Translate): Block[] {
  const f = digestFormat(t);
  const out: Block[] = [
    { kind: 'title', text: t('digest:title', { project: f.label(d.projectName) }) },
    { kind: 'line', text: t('digest:period', { week: d.week, from: f.date(d.from), to: f.date(d.to) }) },
  ];
  if (!d.enough || !d.totals) {
    out.push({ kind: 'line', text: t('digest:tooFewWeek', { k: d.k }) }, ...doneBlocks(f, d));
    return out;
  }

  out.push({ kind: 'heading', text: t('digest:participation.title') });
  out.push({ kind: 'item', label: t('digest:participation.respondents'), text: String(d.totals.respondents) });
  out.push({ kind: 'item', label: t('digest:participation.checkIns'), text: String(d.totals.checkIns) });
  out.push({ kind: 'line', text: `${t('digest:participation.byRole')}:` }, ...cells(f, 'role', d.byRole));
  out.push({ kind: 'line', text: `${t('digest:participation.byChannel')}:` }, ...cells(f, 'channel', d.byChannel));

  out.push({ kind: 'heading', text: t('digest:scores.title') }, { kind: 'note', text: t('digest:scores.scale') });
  if (d.scores.length === 0) out.push({ kind: 'note', text: t('digest:scores.empty') });
  for (const s of d.scores) {
    const previous = s.trend.length
      ? ` ${t('digest:scores.previous', { points: s.trend.map((p) => f.score(p.average)).join(' · ') })}`
      : '';
    out.push({
      kind: 'item',
      label: `${f.label(s.label)} ${f.arrow(s.direction)}`.trim(),
      text: `${t('digest:scores.line', { score: f.score(s.average), people: f.people(s.respondents) })}; ${f.trendWords(s.direction)}.${previous}`,
    });
  }
  if (d.hiddenScores > 0) out.push({ kind: 'note', text: t('digest:scores.hidden', { count: d.hiddenScores }) });
  const teams = teamLines(f, d);
  if (teams.length) {
    out.push({ kind: 'heading', text: t('digest:teams.title') }, { kind: 'note', text: t('digest:teams.note', { k: d.k }) });
    for (const line of teams) out.push({ kind: 'item', label: line.label, text: line.text });
  }

  out.push({ kind: 'heading', text: t('digest:themes.title') });
  if (d.freeTextRespondents !== null) out.push({ kind: 'note', text: t('digest:themes.writers', { people: f.people(d.freeTextRespondents) }) });
  if (d.themes.length === 0) out.push({ kind: 'note', text: t('digest:themes.empty', { k: d.k }) });
  for (const th of d.themes) {
    const tone = f.tone(th.sentiment);
    out.push({
      kind: 'item',
      label: `${f.label(th.label)} ${f.arrow(th.direction)}`.trim(),
      text: `${f.themeLine(th)}; ${f.trendWords(th.direction)}.${
        tone ? ` ${tone}` : ''
      }`,
    });
    for (const q of th.quotes) out.push({ kind: 'quote', text: q.text });
  }
  if (d.hiddenThemes > 0) out.push({ kind: 'note', text: t('digest:themes.hidden', { count: d.hiddenThemes }) });

  out.push(...doneBlocks(f, d));
  out.push({ kind: 'heading', text: t('digest:emergent.title') });
  if (d.emergent.length === 0) out.push({ kind: 'note', text: t('digest:emergent.empty') });
  for (const e of d.emergent) out.push({ kind: 'line', text: t('digest:emergent.line', { phrase: e.phrase, people: f.people(e.respondents) }) });

  out.push({ kind: 'heading', text: t('digest:alerts.title') });
  out.push(countItem(f, t('digest:alerts.sessionChecks'), d.sessionChecks, d.k));
  out.push(countItem(f, t('digest:alerts.lowScores'), d.lowScoreChecks, d.k));
  out.push(countItem(f, t('digest:alerts.safeguarding'), d.safeguardingSignals, d.k));
  if (d.safeguardingSignals.kind !== 'none') out.push({ kind: 'note', text: t('digest:alerts.safeguardingNote') });
  out.push({ kind: 'note', text: t('digest:privacy', { k: d.k }) });
  return out;
}
