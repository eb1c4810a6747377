import { join } from 'node:path';
import type { Catalogue } from '../../../core/catalogue';
import { loadConfigData } from '../../../core/configData';
import { crossValidatedEvidence, evidenceFor, fitThresholds, type Scored } from '../../../core/themes/calibrate';

const { catalogue } = loadConfigData(join(__dirname, '..', '..', '..', 'config'));

describe('crossValidatedEvidence', () => {
  it('scores every catalogue example once, labelled with its own theme', () => {
    const small: Catalogue = { themes: catalogue.themes.slice(0, 3) };
    const scored = crossValidatedEvidence(small, 3);
    const examples = small.themes.reduce((n, t) => n + t.examples.nl.length + t.examples.en.length, 0);
    expect(scored).toHaveLength(examples);
    for (const s of scored) expect(s.expected.size).toBe(1);
  });

  it('scores an example lower when the model did not see it', () => {
    const small: Catalogue = { themes: catalogue.themes.slice(0, 3) };
    const unseen = crossValidatedEvidence(small, 3);
    const seen = evidenceFor(
      small,
      small.themes.flatMap((t) => (['nl', 'en'] as const).flatMap((lang) => t.examples[lang].map((text) => ({ text, lang, themes: [t.id] })))),
    );
    const mean = (xs: Scored[]) => xs.reduce((s, x) => s + (x.evidence.get([...x.expected][0]!)?.classifier ?? 0), 0) / xs.length;
    expect(mean(unseen)).toBeLessThan(mean(seen));
  });
});

describe('fitThresholds', () => {
  it('puts the threshold between the scores of texts with and without the theme', () => {
    const text = (score: number, has: boolean): Scored => ({
      expected: new Set(has ? ['waiting'] : []),
      evidence: new Map([['waiting', { classifier: score, keyword: false, hint: false }]]),
    });
    const data = [text(0.9, true), text(0.85, true), text(0.8, true), text(0.2, false), text(0.3, false), text(0.35, false)];
    const { waiting } = fitThresholds(data, ['waiting']);
    expect(waiting).toBeGreaterThan(0.35);
    expect(waiting).toBeLessThanOrEqual(0.8);
  });
});
