import { runDigest } from '../../cli/digest';
import { UsageError } from '../../cli/args';
import type { Store } from '../../storage/port';
import { addAll, newProject, openTestStore, people, sessionCheck, testData } from '../core/digest/digestFixtures';

class Sink {
  text = '';
  write(chunk: string) {
    this.text += chunk;
    return true;
  }
}

describe('npx hoormij digest', () => {
  let store: Store;
  const data = testData();
  const project = newProject(data);
  // Tuesday 10 March 2026: the last completed week is 2026-W10
  const now = new Date('2026-03-10T12:00:00Z');
  const deps = () => ({ store, data, k: 5, now });

  beforeAll(async () => {
    store = await openTestStore();
    for (const p of people(6)) await addAll(store, sessionCheck(project, p, [4, 4, 5, 5], { week: '2026-W10', createdAt: '2026-03-04T10:00:00.000Z' }));
  });
  afterAll(async () => store.close());

  it('writes markdown for the last completed week by default', async () => {
    const out = new Sink();
    expect(await runDigest({ project, format: 'markdown', lang: 'nl' }, deps(), out as unknown as NodeJS.WritableStream)).toBe(0);
    expect(out.text).toMatch(/^# Weekoverzicht/);
    expect(out.text).toContain('2026-W10');
    expect(out.text).toContain('4,0 van 5'); // listening-respect, heard by all six
    expect(out.text).toContain('5,0 van 5'); // outcome
  });

  it('writes JSON and the Adaptive Card for a given week', async () => {
    const json = new Sink();
    await runDigest({ project, week: '2026-W10', format: 'json', lang: 'en' }, deps(), json as unknown as NodeJS.WritableStream);
    expect(JSON.parse(json.text)).toMatchObject({ schema: 'hoormij.digest/1', week: '2026-W10', totals: { respondents: 6 } });
    const card = new Sink();
    await runDigest({ project, week: '2026-W09', format: 'card', lang: 'en' }, deps(), card as unknown as NodeJS.WritableStream);
    expect(JSON.parse(card.text)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.text).toContain('Fewer than 5 people responded');
  });

  it('says clearly when the project or the week is wrong', async () => {
    const out = new Sink() as unknown as NodeJS.WritableStream;
    await expect(runDigest({ project: 'nope', format: 'markdown', lang: 'en' }, deps(), out)).rejects.toThrow(UsageError);
    await expect(runDigest({ project: 'nope', format: 'markdown', lang: 'en' }, deps(), out)).rejects.toThrow('Unknown project "nope"');
    await expect(runDigest({ project, week: '2026-47', format: 'markdown', lang: 'en' }, deps(), out)).rejects.toThrow('"2026-47" is not an ISO week');
    await expect(runDigest({ project, week: '2026-W54', format: 'markdown', lang: 'en' }, deps(), out)).rejects.toThrow(UsageError);
  });
});
