import { featuresOf, trainLearnedModel } from '../../../core/safeguarding/learnedModel';
import { withSecondOpinion } from '../../../core/safeguarding/secondOpinion';
import type { DangerDetector } from '../../../core/safeguarding/detector';

const examples = [
  { text: 'ik heb weer gekrast in mijn arm', category: 'self-harm' as const },
  { text: 'vannacht weer gekrast tot het bloedde', category: 'self-harm' as const },
  { text: 'ik kras mezelf als het te veel wordt', category: 'self-harm' as const },
  { text: 'thuis is er nooit eten en niemand kookt', category: 'neglect' as const },
  { text: 'we krijgen thuis geen eten', category: 'neglect' as const },
  { text: 'we hebben lekker gegeten bij oma', category: null },
  { text: 'de krassen op mijn telefoon zijn lelijk', category: null },
  { text: 'morgen heb ik een toets over aardrijkskunde', category: null },
  { text: 'ik vond de training leuk vandaag', category: null },
];

describe('the learned second opinion', () => {
  it('shares letter sequences between inflections, so "krassen" and "gekrast" look alike', () => {
    const a = new Set(featuresOf('gekrast'));
    expect(featuresOf('krassen').some((f) => a.has(f))).toBe(true);
    expect(featuresOf('')).toEqual([]);
  });

  it('learns danger and its kind from labelled messages, and the same lists always give the same model', () => {
    const model = trainLearnedModel(examples, { epochs: 30 });
    expect(model.opinion('gisteren weer gekrast').danger).toBeGreaterThan(model.opinion('we hebben gegeten').danger);
    expect(model.opinion('gisteren weer gekrast').category).toBe('self-harm');
    expect(trainLearnedModel(examples, { epochs: 30 }).opinion('geen eten thuis').danger).toBe(model.opinion('geen eten thuis').danger);
    expect(model.opinion('').danger).toBe(0);
  });

  it('flags when the rules or the model say so, and stays quiet on what the rules excuse (a joke, a topic)', () => {
    const rules = (flagged: boolean, excused = false): DangerDetector => ({
      detect: () => ({ flagged, categories: flagged ? ['abuse'] : [], excused }),
      explain: () => [],
    });
    const sure = { opinion: () => ({ danger: 0.95, category: 'neglect' as const }) };
    const unsure = { opinion: () => ({ danger: 0.5, category: 'neglect' as const }) };
    expect(withSecondOpinion(rules(true), unsure).detect('x')).toEqual({ flagged: true, categories: ['abuse'] });
    expect(withSecondOpinion(rules(false), sure).detect('geen eten thuis')).toEqual({ flagged: true, categories: ['neglect'] });
    expect(withSecondOpinion(rules(false), unsure).detect('geen eten thuis')).toEqual({ flagged: false, categories: [] });
    expect(withSecondOpinion(rules(false, true), sure).detect('geen eten thuis')).toEqual({ flagged: false, categories: [] });
    // A command or a score is not a message the model can read.
    expect(withSecondOpinion(rules(false), sure).detect('stop')).toEqual({ flagged: false, categories: [] });
    expect(withSecondOpinion(rules(false), sure).explain('x').join(' ')).toMatch(/learned model: 95%/);
  });
});
