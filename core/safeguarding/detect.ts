import en from './lexicon/en.json';
import nl from './lexicon/nl.json';
import nlBE from './lexicon/nl-BE.json';
import { createDangerDetector, type DangerDetector, type DangerResult } from './detector';
import { lexiconSchema, SIGNAL_CATEGORIES, type Lexicon, type SignalCategory } from './lexiconSchema';
import { trainLearnedModel, type LearnedModel } from './learnedModel';
import { withSecondOpinion } from './secondOpinion';
import training from './training/examples.json';

export type { SignalCategory } from './lexiconSchema';
export type { DangerDetector, DangerResult } from './detector';

/** The word lists that ship with HoorMij (core/safeguarding/lexicon/*.json). */
export const BUILT_IN_LEXICONS: readonly Lexicon[] = [nl, nlBE, en].map((raw, i) => {
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`safeguarding lexicon ${['nl', 'nl-BE', 'en'][i]}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  return parsed.data;
});

let learned: LearnedModel | undefined;
/** Trained once per process, on first use, from core/safeguarding/training/examples.json (scripts/build-danger-examples.js). */
function learnedModel(): LearnedModel {
  if (!learned) {
    const examples = training.examples.map((e, i) => {
      if (e.category !== null && !SIGNAL_CATEGORIES.includes(e.category as SignalCategory)) throw new Error(`safeguarding training example ${i + 1}: unknown category "${e.category}"`);
      return { text: e.text, category: e.category as SignalCategory | null };
    });
    learned = trainLearnedModel(examples);
  }
  return learned;
}

/** The built-in lists plus an organisation's own additions (CONFIG_DIR/safeguarding-words.json), with the learned second opinion. */
export function createSafeguardingDetector(additions: readonly Lexicon[] = []): DangerDetector {
  return withSecondOpinion(createDangerDetector([...BUILT_IN_LEXICONS, ...additions]), learnedModel());
}

const builtIn = createSafeguardingDetector();

/**
 * How much of a message outside the open question is checked: ten times what is ever stored of an
 * answer, and a bound on the time one (possibly hostile) 1 MB message can take.
 */
export const MESSAGE_WINDOW = 20_000;

/** True when a message (any step of the conversation) signals danger; see detectSignals. */
export function signalsDanger(message: string, detector: DangerDetector = builtIn): boolean {
  return detector.detect(message.length > MESSAGE_WINDOW ? message.slice(0, MESSAGE_WINDOW) : message).flagged;
}

/**
 * Looks for signs of danger in free text (nl, nl-BE and en): suicide, self-harm, abuse,
 * violence and threats, neglect. Errs towards flagging.
 */
export function detectSignals(text: string, detector: DangerDetector = builtIn): DangerResult {
  return detector.detect(text);
}
