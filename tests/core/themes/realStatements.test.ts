import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigData } from '../../../core/configData';
import { createThemeTagger } from '../../../core/themes/tagger';
import { evaluate, formatReport, loadEvalSet, type EvalItem } from './evalSet';
import { simulateFalseRecurring } from './falseRecurring';

// The floor the issue sets on the frozen test part; the goals (0.75, 0.80, 15%) are reported, not tested.
const MACRO_F1_FLOOR = 0.6;

const { catalogue } = loadConfigData(join(__dirname, '..', '..', '..', 'config'));
const tagger = createThemeTagger(catalogue);
const themeIds = catalogue.themes.map((t) => t.id);

function report(name: string, items: EvalItem[]): number {
  const r = evaluate(tagger, items, themeIds);
  const sim = simulateFalseRecurring(items.map((i) => ({ gold: i.themes, predicted: tagger.tag(i.text, i.lang).themes })));
  console.log(
    `${name} (${items.length} real statements)\n${formatReport(r)}\n` +
      `false recurring ${(sim.falseShare * 100).toFixed(1)}% of ${sim.shown} shown theme-weeks, ` +
      `${sim.missedPerWeek.toFixed(2)} truly recurring themes missed per week (${sim.weeks} simulated weeks of 30)`,
  );
  return r.macroF1;
}

describe('theme tagger on real published statements', () => {
  it('reports the development part (learned from: an in-sample figure; crossValidation.test.ts has the honest one)', () => {
    expect(report('tests/fixtures/themes/real-dev.jsonl', loadEvalSet('themes/real-dev.jsonl'))).toBeGreaterThan(0);
  });

  const testPart = join(__dirname, '..', '..', 'fixtures', 'themes', 'real-test.jsonl');
  const present = existsSync(testPart);
  // CI must have the frozen part: a missing file would otherwise pass silently.
  const ci = process.env.CI === 'true';
  (present || ci ? it : it.skip)(
    present ? 'reaches the macro-F1 floor on the frozen test part' : 'reaches the macro-F1 floor on the frozen test part (skipped: tests/fixtures/themes/real-test.jsonl is absent)',
    () => {
      if (!present) throw new Error('tests/fixtures/themes/real-test.jsonl is missing; CI must run the frozen real test part');
      expect(report('tests/fixtures/themes/real-test.jsonl (frozen, never tuned on)', loadEvalSet('themes/real-test.jsonl'))).toBeGreaterThanOrEqual(MACRO_F1_FLOOR);
    },
  );
});
