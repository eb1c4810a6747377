import { runDemoData } from '../../cli/demoData';
import { computeDigest } from '../../core/digest';
import { demoWeeks, generateDemoData } from '../../core/demoData';
import { testTagger } from '../helpers/testContext';
import type { Store } from '../../storage/port';
import { newProject, openTestStore, testData } from '../core/digest/digestFixtures';

const sink = () => ({ text: '', write(c: string) { this.text += c; return true; } });
const NOW = new Date('2026-03-10T12:00:00Z');
const SECRET = 'demo-secret-for-tests-0123456789';

describe('npx hoormij demo-data', () => {
  let store: Store;
  const data = testData();
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  it('fills the weeks up to the last completed one so the digest has something to say', async () => {
    // the shipped demo project: its seed is its id, so this is the data `demo-data` gives users
    const project = data.defaultProject.id;
    const out = sink();
    const deps = { store, data, tagger: testTagger(), secretForPseudonyms: SECRET, now: NOW };
    expect(await runDemoData({ project, weeks: 6 }, deps, out as unknown as NodeJS.WritableStream)).toBe(0);
    expect(out.text).toContain(project);

    const weeks = demoWeeks(NOW, 'Europe/Amsterdam', 6);
    expect(weeks).toEqual(['2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09', '2026-W10']);
    const rows = await store.listResponsesForWeek(project, '2026-W10');
    const people = new Set(rows.map((r) => r.participant));
    expect(people.size).toBeGreaterThanOrEqual(10);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['youth', 'parent']));
    expect(rows.some((r) => r.text !== null && r.locale === 'en')).toBe(true);
    // texts went through the scrubber on their way in
    expect(JSON.stringify(await store.listResponsesForWeek(project, weeks[0]))).not.toContain('06-12345678');

    const d = await computeDigest(store, data, project, '2026-W10', { k: 5, now: NOW });
    expect(d.enough).toBe(true);
    expect(d.scores.length).toBeGreaterThanOrEqual(4);
    expect(d.scores.some((s) => s.trend.length >= 3)).toBe(true);
    expect(d.themes.length).toBeGreaterThan(0);
    expect(d.sessionChecks.kind).toBe('count');
  });

  it('adds nothing twice when run again', async () => {
    const project = newProject(data);
    const deps = { store, data, tagger: testTagger(), secretForPseudonyms: SECRET, now: NOW };
    await runDemoData({ project, weeks: 2 }, deps, sink() as unknown as NodeJS.WritableStream);
    const before = (await store.listResponsesForWeek(project, '2026-W10')).length;
    await runDemoData({ project, weeks: 2 }, deps, sink() as unknown as NodeJS.WritableStream);
    expect((await store.listResponsesForWeek(project, '2026-W10')).length).toBe(before);
  });

  it('is deterministic for a seed, with 30 to 80 participants', () => {
    const project = data.defaultProject;
    const make = () =>
      generateDemoData({
        project,
        questionSets: data.questionSets,
        weeks: ['2026-W09', '2026-W10'],
        tagger: testTagger(),
        pseudonymSecret: SECRET,
        placeholder: (kind) => `[${kind}]`,
        maxTextLength: 2000,
        seed: 42,
      });
    const a = make();
    expect(a).toEqual(make());
    expect(a.participants.length).toBeGreaterThanOrEqual(30);
    expect(a.participants.length).toBeLessThanOrEqual(80);
  });
});
