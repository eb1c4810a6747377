import { NO_TEAM } from '../core/digest/teamBreakdown';
import { OTHER, type Digest } from '../core/digest/types';
import type { DigestFormat } from './digestFormat';

/** One line per team of the breakdown: its name, and its people and averages per theme. */
export interface TeamLine {
  label: string;
  text: string;
}

function teamLabel(f: DigestFormat, key: string): string {
  if (key === NO_TEAM) return f.t('digest:teams.noTeam');
  if (key === OTHER) return f.t('digest:teams.other');
  return key;
}

/** The per-team breakdown as lines every renderer shows the same way; none when the week has none. */
export function teamLines(f: DigestFormat, d: Digest): TeamLine[] {
  if (!d.teams) return [];
  const labels = d.teams.themes.map((th) => f.label(th.label));
  return d.teams.teams.map((cell) => ({
    label: teamLabel(f, cell.key),
    text: [f.t('digest:teams.cell', { people: f.people(cell.respondents) }), ...cell.averages.map((a, i) => f.t('digest:teams.score', { theme: labels[i], score: f.score(a.average) }))].join(' · '),
  }));
}
