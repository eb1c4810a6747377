import { OTHER, type GroupCell, type GuardedCount } from './types';

/** Who and what is behind one cell of a breakdown, before the minimum group size is applied. */
export interface Group {
  key: string;
  participants: Set<string>;
  runs: Set<string>;
  answers: number;
}

export function newGroup(key: string): Group {
  return { key, participants: new Set(), runs: new Set(), answers: 0 };
}

/** Adds one answer to the group of `key`, creating it on first use. */
export function addTo(groups: Map<string, Group>, key: string, participant: string, runId: string): void {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = newGroup(key)));
  g.participants.add(participant);
  g.runs.add(runId);
  g.answers++;
}

function toCell(g: Group): GroupCell {
  return { key: g.key, respondents: g.participants.size, checkIns: g.runs.size, answers: g.answers };
}

/**
 * Applies the minimum group size to a breakdown. Groups under k are merged into one OTHER
 * cell; when that cell is still under k, the next smallest groups join it, so that no small
 * group can be recovered by subtracting the shown cells from a total. Returns no cells at all
 * when only the merged cell would remain (it would just repeat the total).
 */
export function mergeSmallGroups(groups: Iterable<Group>, k: number): GroupCell[] {
  const visible = [...groups].sort((a, b) => b.participants.size - a.participants.size || a.key.localeCompare(b.key));
  const merged = newGroup(OTHER);
  const absorb = (g: Group) => {
    for (const p of g.participants) merged.participants.add(p);
    for (const r of g.runs) merged.runs.add(r);
    merged.answers += g.answers;
  };
  let mergedAny = false;
  while (visible.length > 0 && visible[visible.length - 1].participants.size < k) {
    absorb(visible.pop()!);
    mergedAny = true;
  }
  while (mergedAny && merged.participants.size < k && visible.length > 0) absorb(visible.pop()!);
  if (visible.length === 0) return [];
  const cells = visible.map(toCell);
  if (mergedAny) cells.push(toCell(merged));
  return cells;
}

/** A count shown only when at least k distinct respondents are behind it. */
export function guardedCount(value: number, respondents: number, k: number): GuardedCount {
  if (value === 0) return { kind: 'none' };
  if (respondents < k) return { kind: 'fewerThanK' };
  return { kind: 'count', value };
}
