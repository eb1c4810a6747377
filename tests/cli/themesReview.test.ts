import { join } from 'node:path';
import { loadConfigData } from '../../core/configData';
import { reviewedExamples } from '../../core/themes/reviewed';
import { createThemeTagger } from '../../core/themes/tagger';
import { translatorFor } from '../../locales';
import { openSqliteStore } from '../../storage/sqlite';
import { makeParticipant, makeResponse } from '../storage/storeContract';
import { ROOT, tempDataDir } from '../helpers/botHttp';
import { runCli } from '../helpers/cliRun';

const remark = (participant: string, text: string, themes: string[], createdAt: string) =>
  makeResponse({ participant, question: 'open', theme: null, score: null, text, themes, sentiment: 'negative', createdAt });

describe('hoormij themes review', () => {
  it('shows each remark with its tags, stores the decisions typed on stdin, audits them and prints the accuracy', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'hoormij.sqlite');
    let store = await openSqliteStore(file);
    const a = makeParticipant();
    const b = makeParticipant();
    for (const p of [a, b]) await store.saveParticipant(p);
    const right = remark(a.id, 'We stonden maanden op de wachtlijst', ['waiting'], '2026-03-03T10:00:00.000Z');
    const wrong = remark(b.id, 'Niemand legde uit wat er ging gebeuren', ['waiting'], '2026-03-03T11:00:00.000Z');
    const skipped = remark(b.id, 'Ik weet het niet', [], '2026-03-03T12:00:00.000Z');
    const old = remark(a.id, 'Van voor de datum', ['safety'], '2026-01-03T12:00:00.000Z');
    for (const r of [right, wrong, skipped, old]) await store.addResponse(r);
    await store.close();

    // information is theme 3 in the catalogue: "3" replaces the tag; "x" is asked again; "s" skips
    const r = await runCli(['themes', 'review', '--project', 'demo', '--since', '2026-03-01'], { DATA_DIR: dataDir }, '\nx\n3\ns\n');
    expect(r.code).toBe(0);
    const t = translatorFor('nl');
    expect(r.stdout).toContain(t('cli:themesReview.remark', { n: 1, total: 3, text: right.text }));
    expect(r.stdout).toContain(t('cli:themesReview.tags', { tags: 'Wachten' }));
    expect(r.stdout).toContain(t('cli:themesReview.again', { max: 13 }));
    expect(r.stdout).not.toContain(old.text);
    expect(r.stdout).toContain(t('cli:themesReview.accuracy', { count: 2, exact: '50%', precision: '50%', recall: '50%' }));

    store = await openSqliteStore(file);
    const checks = await store.listThemeChecks({ project: 'demo', by: 'operator' });
    expect(checks.map((c) => [c.response, c.guessed, c.themes, c.text])).toEqual([
      [right.id, ['waiting'], ['waiting'], right.text],
      [wrong.id, ['waiting'], ['information'], wrong.text],
    ]);
    expect(await store.listAudit()).toContainEqual(expect.objectContaining({ action: 'theme-review', target: 'demo', rows: 2 }));

    // A second run shows only what is still open, and the reviews are erased with their writer.
    const again = await runCli(['themes', 'review', '--project', 'demo', '--since', '2026-03-01'], { DATA_DIR: dataDir }, 'q\n');
    expect(again.stdout).toContain(t('cli:themesReview.intro', { count: 1 }));
    expect((await store.eraseParticipant(b.id)).themeChecks).toBe(1);
    await store.close();
  });

  it('teaches the tagger a reviewed remark at its next start', () => {
    const { catalogue } = loadConfigData(join(ROOT, 'config'));
    const text = 'de schoolbus naar de dagbesteding rijdt nooit op tijd';
    const before = createThemeTagger(catalogue).tag(text, 'nl').themes;
    const review = { response: 'r1', project: 'demo', week: '2026-W10', participant: 'p', by: 'operator' as const, guessed: before, themes: ['accessibility'], text, locale: 'nl' as const, answeredAt: '2026-03-03T10:00:00.000Z', at: '2026-03-04T10:00:00.000Z' };
    expect(before).not.toContain('accessibility');
    const after = createThemeTagger(catalogue, { learned: reviewedExamples([review, review, review].map((c, i) => ({ ...c, response: `r${i}` }))) });
    expect(after.tag(text, 'nl').themes).toContain('accessibility');
  });

  it('asks for a project', async () => {
    const r = await runCli(['themes', 'review'], { DATA_DIR: tempDataDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(translatorFor('nl')('cli:themesReview.usage'));
  });
});
