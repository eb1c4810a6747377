import { join } from 'node:path';
import { loadConfigData } from '../../../core/configData';
import { EVIDENCE_WEIGHTS, EXAMPLE_WEIGHT, buildEvidenceModel, combinedScore } from '../../../core/themes/evidence';
import { analyse, effectiveLanguage } from '../../../core/themes/language';
import { MODEL_SETTINGS } from '../../../core/themes/multiLabel';
import { LONG_ACCOUNT_FALLBACK, SENTIMENT_WEIGHTS, SHORT_ANSWER_THRESHOLD, createThemeTagger } from '../../../core/themes/tagger';
import { trainingDataFor } from '../../../core/themes/trainingData';
import type { ThemeTagger } from '../../../core/themes/types';
import type { ThemeId } from '../../../core/types';
import { evaluate, formatReport, loadEvalSet, type EvalItem } from './evalSet';
import { simulateFalseRecurring } from './falseRecurring';

/**
 * Cross-validated figures on the real development part, which the shipped tagger learns from
 * (core/themes/training/published.json): each fold is tagged by a tagger trained without it.
 * Run: npx esbuild tests/core/themes/crossValidate.ts --bundle --platform=node --log-level=warning | node
 */
export function crossValidate(folds = 5, threshold?: number): { macroF1: number; sentiment: number; falseRecurring: number; report: string } {
  const { catalogue } = loadConfigData(join(__dirname, '..', '..', '..', 'config'));
  const themeIds = catalogue.themes.map((t) => t.id);
  const dev = loadEvalSet('themes/real-dev.jsonl');
  const full = trainingDataFor(catalogue);
  const predictions = new Map<string, { themes: ThemeId[]; sentiment: string }>();
  for (let f = 0; f < folds; f += 1) {
    const held = dev.filter((_, i) => i % folds === f);
    const heldTexts = new Set(held.map((i) => i.text));
    const tagger = createThemeTagger(catalogue, { threshold, training: { ...full, learned: full.learned.filter((e) => !heldTexts.has(e.text)) } });
    for (const item of held) predictions.set(item.id, tagger.tag(item.text, item.lang));
  }
  const pooled: ThemeTagger = { tag: () => ({ themes: [], sentiment: 'neutral', guesses: [] }) };
  let current: EvalItem | null = null;
  pooled.tag = () => ({ ...(predictions.get(current!.id) as { themes: ThemeId[]; sentiment: 'neutral' }), guesses: [] });
  const r = evaluate({ tag: (text, lang) => ((current = dev.find((d) => d.text === text && d.lang === lang)!), pooled.tag(text, lang)) }, dev, themeIds);
  const sim = simulateFalseRecurring(dev.map((i) => ({ gold: i.themes, predicted: predictions.get(i.id)!.themes })));
  return { macroF1: r.macroF1, sentiment: r.sentimentAccuracy, falseRecurring: sim.falseShare, report: `${formatReport(r)}\nfalse recurring ${(sim.falseShare * 100).toFixed(1)}%` };
}

/** The chat-register sets, scored with the full tagger, guard against losing the short answers. */
export function chatRegister(): string {
  const { catalogue } = loadConfigData(join(__dirname, '..', '..', '..', 'config'));
  const themeIds = catalogue.themes.map((t) => t.id);
  const tagger = createThemeTagger(catalogue);
  return (['themes-eval.jsonl', 'themes-heldout.jsonl'] as const)
    .map((f) => {
      const r = evaluate(tagger, loadEvalSet(f), themeIds);
      return `${f}: macro-F1 ${(r.macroF1 * 100).toFixed(1)} sentiment ${(r.sentimentAccuracy * 100).toFixed(1)}`;
    })
    .join('\n');
}

if (require.main === module) {
  const env = (k: string) => (process.env[k] !== undefined ? Number(process.env[k]) : undefined);
  EVIDENCE_WEIGHTS.keyword = env('KW') ?? EVIDENCE_WEIGHTS.keyword;
  EVIDENCE_WEIGHTS.hint = env('HINT') ?? EVIDENCE_WEIGHTS.hint;
  SENTIMENT_WEIGHTS.lexiconVote = env('LEX') ?? SENTIMENT_WEIGHTS.lexiconVote;
  SENTIMENT_WEIGHTS.minWords = env('MINW') ?? SENTIMENT_WEIGHTS.minWords;
  SHORT_ANSWER_THRESHOLD.value = env('SHORT') ?? SHORT_ANSWER_THRESHOLD.value;
  LONG_ACCOUNT_FALLBACK.value = env('FB') ?? LONG_ACCOUNT_FALLBACK.value;
  EXAMPLE_WEIGHT.value = env('EXW') ?? EXAMPLE_WEIGHT.value;
  MODEL_SETTINGS.epochs = env('EP') ?? MODEL_SETTINGS.epochs;
  MODEL_SETTINGS.learningRate = env('LR') ?? MODEL_SETTINGS.learningRate;
  MODEL_SETTINGS.l2 = env('L2') ?? MODEL_SETTINGS.l2;
  MODEL_SETTINGS.charGrams = env('CH') === undefined ? MODEL_SETTINGS.charGrams : env('CH') === 1;
  if (process.env.SWEEP) {
    const { catalogue } = loadConfigData(join(__dirname, '..', '..', '..', 'config'));
    console.log(sweep(outOfFoldScores(), catalogue.themes.map((t) => t.id)));
    process.exit(0);
  }
  const t0 = Date.now();
  const cv = crossValidate(5, process.argv[2] ? Number(process.argv[2]) : undefined);
  console.log(`real-dev, 5-fold cross-validation\n${cv.report}\n${chatRegister()}\n(${Date.now() - t0} ms)`);
}

/** Pooled out-of-fold scores per theme, for choosing thresholds without touching the frozen part. */
export function outOfFoldScores(folds = 5): { gold: ThemeId[]; scores: Map<ThemeId, number> }[] {
  const { catalogue } = loadConfigData(join(__dirname, '..', '..', '..', 'config'));
  const dev = loadEvalSet('themes/real-dev.jsonl');
  const full = trainingDataFor(catalogue);
  const out: { gold: ThemeId[]; scores: Map<ThemeId, number> }[] = [];
  for (let f = 0; f < folds; f += 1) {
    const held = dev.filter((_, i) => i % folds === f);
    const heldTexts = new Set(held.map((i) => i.text));
    const data = { ...full, learned: full.learned.filter((e) => !heldTexts.has(e.text)) };
    const models = { nl: buildEvidenceModel(data, 'nl'), en: buildEvidenceModel(data, 'en') };
    for (const item of held) {
      const used = effectiveLanguage(item.text, item.lang);
      const scores = new Map<ThemeId, number>();
      for (const [t, e] of models[used].evidence(analyse(item.text, used))) scores.set(t, combinedScore(e));
      out.push({ gold: item.themes, scores });
    }
  }
  return out;
}

export function sweep(rows: { gold: ThemeId[]; scores: Map<ThemeId, number> }[], themeIds: ThemeId[]): string {
  const f1 = (t: ThemeId, th: number) => {
    let tp = 0, fp = 0, fn = 0;
    for (const r of rows) {
      const p = (r.scores.get(t) ?? 0) >= th;
      const g = r.gold.includes(t);
      if (p && g) tp += 1; else if (p) fp += 1; else if (g) fn += 1;
    }
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  };
  const lines: string[] = [];
  for (const th of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
    const m = themeIds.reduce((s, t) => s + f1(t, th), 0) / themeIds.length;
    lines.push(`threshold ${th}: macro-F1 ${(m * 100).toFixed(1)}`);
  }
  const best = themeIds.map((t) => {
    let b = 0.3, bf = -1;
    for (let th = 0.1; th <= 0.9; th += 0.05) if (f1(t, th) > bf) [b, bf] = [th, f1(t, th)];
    return `${t} ${b.toFixed(2)} ${(bf * 100).toFixed(0)}`;
  });
  return `${lines.join('\n')}\nper theme (optimistic): ${best.join(', ')}`;
}
