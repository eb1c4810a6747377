import { computeDigest } from '../../../core/digest/computeDigest';
import type { ResponseRecord, ThemeCheck } from '../../../core/types';
import { renderDigestMarkdown } from '../../../cards/digestMarkdown';
import { translatorFor } from '../../../locales';
import type { Store } from '../../../storage/port';
import { addAll, K, newProject, NOW, openTestStore, people, remark, sessionCheck, testData, WEEK } from './digestFixtures';

/** The participant's tap on one remark, as the confirmation step stores it. */
function tap(r: ResponseRecord, themes: string[], guessed = r.themes): ThemeCheck {
  return { response: r.id, project: r.project, week: r.week, participant: r.participant, by: 'participant', guessed, themes, text: null, locale: 'nl', answeredAt: r.createdAt, at: r.createdAt };
}

describe('recurring themes with confirmations', () => {
  let store: Store;
  const data = testData();
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  /** K+1 people who all took part (so the digest has enough respondents), each with one remark. */
  async function week(tags: (who: string, i: number) => string[]): Promise<{ project: string; rows: ResponseRecord[] }> {
    const project = newProject(data);
    const who = people(K + 1);
    const rows = who.map((p, i) => remark(project, p, `opmerking ${i}`, { themes: tags(p, i) }));
    await addAll(store, [...who.flatMap((p) => sessionCheck(project, p, [4, 4, 4, 4])), ...rows]);
    return { project, rows };
  }
  const digestOf = (project: string) => computeDigest(store, data, project, WEEK, { k: K, now: NOW });

  it('shows a theme K people were tagged with, unmarked when fewer than K confirmed it', async () => {
    const { project, rows } = await week((_, i) => (i < K ? ['waiting'] : []));
    for (const r of rows.slice(0, K - 1)) await store.saveThemeCheck(tap(r, ['waiting']));
    const d = await digestOf(project);
    expect(d.themes.map((t) => [t.theme, t.respondents, t.confirmed])).toEqual([['waiting', K, null]]);
  });

  it('marks a theme "bevestigd" once K people confirmed it, with their number', async () => {
    const { project, rows } = await week((_, i) => (i < K ? ['waiting'] : []));
    for (const r of rows.slice(0, K)) await store.saveThemeCheck(tap(r, ['waiting']));
    const d = await digestOf(project);
    expect(d.themes.map((t) => [t.theme, t.confirmed])).toEqual([['waiting', K]]);
    expect(renderDigestMarkdown(d, translatorFor('nl'))).toContain('bevestigd door 5 mensen');
  });

  it('does not make a theme recurring on guesses that confirmed answers contradict', async () => {
    const { project, rows } = await week((_, i) => (i < K ? ['staff-quality'] : []));
    // One of the five said "iets anders": four guesses are left, under K.
    await store.saveThemeCheck(tap(rows[0]!, []));
    expect((await digestOf(project)).themes).toEqual([]);
  });

  it('counts a theme a participant named although the tagger had it as the second guess only', async () => {
    const { project, rows } = await week((_, i) => (i < K - 1 ? ['information'] : ['waiting']));
    await store.saveThemeCheck(tap(rows[K - 1]!, ['information'], ['waiting', 'information']));
    const d = await digestOf(project);
    expect(d.themes.find((t) => t.theme === 'information')?.respondents).toBe(K);
  });

  it("takes an operator's review as the whole truth about a remark", async () => {
    const { project, rows } = await week((_, i) => (i < K ? ['waiting'] : []));
    const r = rows[0]!;
    await store.saveThemeCheck({ ...tap(r, ['waiting']), by: 'operator', themes: ['information'], text: r.text });
    const d = await digestOf(project);
    expect(d.themes.map((t) => t.theme)).toEqual([]);
  });
});
