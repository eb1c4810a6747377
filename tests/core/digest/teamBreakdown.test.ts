import { computeDigest } from '../../../core/digest';
import { NO_TEAM, teamBreakdown } from '../../../core/digest/teamBreakdown';
import { OTHER } from '../../../core/digest/types';
import type { ResponseRecord } from '../../../core/types';
import { answer, K, newProject, NOW, openTestStore, people, testData, WEEK } from './digestFixtures';

const data = testData();
const P = 'demo';

/** One answer per person on a theme, all with the same score. */
function team(team: string | null, n: number, score = 4, theme = 'listening-respect'): ResponseRecord[] {
  return people(n).map((participant) => answer(P, { team, participant, theme, score }));
}

const keys = (b: ReturnType<typeof teamBreakdown>) => b?.teams.map((t) => [t.key, t.respondents]);

describe('the per-team breakdown of the digest', () => {
  it('shows every team of at least k respondents with its average per theme', () => {
    const b = teamBreakdown([...team('wijkteam-noord', 6, 4), ...team('wijkteam-zuid', 5, 2)], data.themes, K);
    expect(keys(b)).toEqual([
      ['wijkteam-noord', 6],
      ['wijkteam-zuid', 5],
    ]);
    expect(b?.themes.map((t) => t.theme)).toEqual(['listening-respect']);
    expect(b?.teams.map((t) => t.averages[0].average)).toEqual([4, 2]);
  });

  it('counts answers without a team as their own group', () => {
    expect(keys(teamBreakdown([...team('wijkteam-noord', 5), ...team(null, 7)], data.themes, K))).toEqual([
      [NO_TEAM, 7],
      ['wijkteam-noord', 5],
    ]);
  });

  it('merges a small team into "other teams", and then the smallest shown team when that is still under k', () => {
    // zonder team: 2 people, under k. On its own in "other" it would be derivable; zuid (5) joins it.
    const rows = [...team('wijkteam-noord', 6, 5), ...team('wijkteam-zuid', 5, 3), ...team(null, 2, 1)];
    const b = teamBreakdown(rows, data.themes, K);
    expect(keys(b)).toEqual([
      ['wijkteam-noord', 6],
      [OTHER, 7],
    ]);
    // (5·3 + 2·1) / 7
    expect(b?.teams[1].averages[0].average).toBe(2.43);
    for (const cell of b!.teams) expect(cell.respondents).toBeGreaterThanOrEqual(K);
  });

  it('keeps a merged group of small teams that reaches k on its own', () => {
    const rows = [...team('wijkteam-noord', 6), ...team('wijkteam-zuid', 3), ...team(null, 3)];
    expect(keys(teamBreakdown(rows, data.themes, K))).toEqual([
      ['wijkteam-noord', 6],
      [OTHER, 6],
    ]);
  });

  it('has no breakdown when no split keeps every group at k or more', () => {
    expect(teamBreakdown([...team('wijkteam-noord', 8), ...team('wijkteam-zuid', 3)], data.themes, K)).toBeUndefined();
    expect(teamBreakdown(team('wijkteam-noord', 20), data.themes, K)).toBeUndefined();
  });

  it('leaves out a theme that one group has fewer than k respondents for', () => {
    const rows = [...team('wijkteam-noord', 6), ...team('wijkteam-zuid', 6), ...team('wijkteam-noord', 5, 3, 'goals'), ...team('wijkteam-zuid', 4, 3, 'goals')];
    const b = teamBreakdown(rows, data.themes, K);
    expect(b?.themes.map((t) => t.theme)).toEqual(['listening-respect']);
    expect(b?.teams.every((t) => t.averages.length === 1)).toBe(true);
  });
});

describe('the digest with its team breakdown', () => {
  it('carries the breakdown computed from the week’s stored answers', async () => {
    const store = await openTestStore();
    const project = newProject(data);
    const rows = [...team('wijkteam-noord', 6, 5), ...team('wijkteam-zuid', 5, 3), ...team(null, 2, 1)].map((r) => ({ ...r, project }));
    await store.addResponses(rows);
    const d = await computeDigest(store, data, project, WEEK, { k: K, now: NOW });
    expect(d.teams?.teams.map((t) => t.key)).toEqual(['wijkteam-noord', OTHER]);
    await store.close();
  });
});
