import type { ResponseRecord } from '../types';
import { addTo, mergeSmallGroups, type Group } from './minimumGroup';
import type { GroupCell, Totals } from './types';

export interface Participation {
  totals: Totals;
  byRole: GroupCell[];
  byChannel: GroupCell[];
}

/** Respondents, check-ins and answers this week, in total and by role and by channel. */
export function participationOf(rows: readonly ResponseRecord[], k: number): Participation {
  const participants = new Set<string>();
  const runs = new Set<string>();
  const roles = new Map<string, Group>();
  const channels = new Map<string, Group>();
  for (const r of rows) {
    participants.add(r.participant);
    runs.add(r.runId);
    addTo(roles, r.role, r.participant, r.runId);
    addTo(channels, r.channel, r.participant, r.runId);
  }
  return {
    totals: { respondents: participants.size, checkIns: runs.size, answers: rows.length },
    byRole: mergeSmallGroups(roles.values(), k),
    byChannel: mergeSmallGroups(channels.values(), k),
  };
}
