import type { Catalogue } from '../catalogue';
import { LOCALES, type Locale, type ThemeId } from '../types';
import { type ThemeEvidence, buildEvidenceModel, combinedScore } from './evidence';
import { analyse, effectiveLanguage } from './language';

/** One text the calibration knows the themes of, with the evidence a model found in it. */
export interface Scored {
  expected: ReadonlySet<ThemeId>;
  evidence: Map<ThemeId, ThemeEvidence>;
}

export interface LabelledText {
  text: string;
  lang: Locale;
  themes: ThemeId[];
}

/**
 * Evidence for every catalogue example from a model that did not see it: the examples of each
 * language are split into `folds` parts by position, and each part is scored by a model trained
 * on the others. Keywords stay, as they would for a new text.
 */
export function crossValidatedEvidence(catalogue: Catalogue, folds = 5): Scored[] {
  const out: Scored[] = [];
  for (const lang of LOCALES) {
    for (let f = 0; f < folds; f += 1) {
      const training: Catalogue = {
        themes: catalogue.themes.map((t) => ({ ...t, examples: { ...t.examples, [lang]: t.examples[lang].filter((_, i) => i % folds !== f) } })),
      };
      const model = buildEvidenceModel(training, lang);
      for (const theme of catalogue.themes) {
        theme.examples[lang].forEach((example, i) => {
          if (i % folds === f) out.push({ expected: new Set([theme.id]), evidence: model.evidence(analyse(example, lang)) });
        });
      }
    }
  }
  return out;
}

/** Evidence for labelled texts from a model trained on the whole catalogue (the texts are not in it). */
export function evidenceFor(catalogue: Catalogue, items: readonly LabelledText[]): Scored[] {
  const models = { nl: buildEvidenceModel(catalogue, 'nl'), en: buildEvidenceModel(catalogue, 'en') };
  return items.map((item) => {
    const lang = effectiveLanguage(item.text, item.lang);
    return { expected: new Set(item.themes), evidence: models[lang].evidence(analyse(item.text, lang)) };
  });
}

const GRID = Array.from({ length: 23 }, (_, i) => Math.round((0.3 + i * 0.05) * 100) / 100);

function f1At(data: readonly Scored[], theme: ThemeId, threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const d of data) {
    const e = d.evidence.get(theme);
    const predicted = e !== undefined && combinedScore(e) >= threshold;
    const expected = d.expected.has(theme);
    if (predicted && expected) tp += 1;
    else if (predicted) fp += 1;
    else if (expected) fn += 1;
  }
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/**
 * The threshold per theme with the best F1 on `data`, averaged over neighbouring grid points so
 * a lucky spike on a few texts does not decide it.
 */
export function fitThresholds(data: readonly Scored[], themeIds: readonly ThemeId[]): Record<ThemeId, number> {
  const result: Record<ThemeId, number> = {};
  for (const theme of themeIds) {
    const f1s = GRID.map((t) => f1At(data, theme, t));
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < GRID.length; i += 1) {
      const window = f1s.slice(Math.max(0, i - 1), i + 2);
      const smooth = window.reduce((s, x) => s + x, 0) / window.length;
      if (smooth > bestScore + 1e-9) {
        bestScore = smooth;
        best = i;
      }
    }
    result[theme] = GRID[best]!;
  }
  return result;
}
