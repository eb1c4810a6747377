import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale, Sentiment, ThemeId } from '../../../core/types';
import type { ThemeTagger } from '../../../core/themes/types';

export interface EvalItem {
  id: string;
  text: string;
  lang: Locale;
  themes: ThemeId[];
  sentiment: Sentiment;
}

export interface ThemeScore {
  theme: ThemeId;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  perTheme: ThemeScore[];
  macroF1: number;
  sentimentAccuracy: number;
  misses: { id: string; expected: ThemeId[]; got: ThemeId[] }[];
}

/**
 * themes-eval.jsonl is the set the tagger was tuned on; themes-heldout.jsonl was written and
 * frozen before the tuning began and was scored once, at the end.
 */
export function loadEvalSet(file: 'themes-eval.jsonl' | 'themes-heldout.jsonl' | 'themes/real-dev.jsonl' | 'themes/real-test.jsonl' = 'themes-eval.jsonl'): EvalItem[] {
  return parseEvalLines(readFileSync(join(__dirname, '..', '..', 'fixtures', file), 'utf8'));
}

/** One statement per line; Flemish ("nl-BE") is tagged as Dutch, which it is to the tagger. */
export function parseEvalLines(raw: string): EvalItem[] {
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem & { lang: string })
    .map((i) => ({ ...i, lang: i.lang.startsWith('nl') ? 'nl' : 'en' }));
}

export function evaluate(tagger: ThemeTagger, items: EvalItem[], themeIds: ThemeId[]): EvalReport {
  const counts = new Map(themeIds.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let sentimentHits = 0;
  const misses: EvalReport['misses'] = [];
  for (const item of items) {
    const got = tagger.tag(item.text, item.lang);
    if (got.sentiment === item.sentiment) sentimentHits += 1;
    const expected = new Set(item.themes);
    const predicted = new Set(got.themes);
    for (const t of themeIds) {
      const c = counts.get(t)!;
      if (expected.has(t) && predicted.has(t)) c.tp += 1;
      else if (predicted.has(t)) c.fp += 1;
      else if (expected.has(t)) c.fn += 1;
    }
    if (item.themes.join() !== got.themes.join()) misses.push({ id: item.id, expected: item.themes, got: got.themes });
  }
  const perTheme = themeIds.map((theme) => {
    const { tp, fp, fn } = counts.get(theme)!;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { theme, support: tp + fn, precision, recall, f1 };
  });
  const scored = perTheme.filter((s) => s.support > 0);
  const macroF1 = scored.reduce((sum, s) => sum + s.f1, 0) / scored.length;
  return { perTheme, macroF1, sentimentAccuracy: sentimentHits / items.length, misses };
}

export function formatReport(r: EvalReport): string {
  const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
  const lines = ['theme                   n  precision recall   F1'];
  for (const s of r.perTheme) lines.push(`${s.theme.padEnd(22)} ${String(s.support).padStart(3)}  ${pct(s.precision)}   ${pct(s.recall)}  ${pct(s.f1)}`);
  lines.push(`macro-F1 ${pct(r.macroF1)}   sentiment accuracy ${pct(r.sentimentAccuracy)}`);
  return lines.join('\n');
}
