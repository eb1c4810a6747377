import en from './lexicon/en.json';
import nl from './lexicon/nl.json';
import nlBE from './lexicon/nl-BE.json';
import { createDangerDetector, type DangerDetector, type DangerResult } from './detector';
import { lexiconSchema, type Lexicon } from './lexiconSchema';

export type { SignalCategory } from './lexiconSchema';
export type { DangerDetector, DangerResult } from './detector';

/** The word lists that ship with HoorMij (core/safeguarding/lexicon/*.json). */
export const BUILT_IN_LEXICONS: readonly Lexicon[] = [nl, nlBE, en].map((raw, i) => {
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`safeguarding lexicon ${['nl', 'nl-BE', 'en'][i]}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  return parsed.data;
});

/** The built-in lists plus an organisation's own additions (CONFIG_DIR/safeguarding-words.json). */
export function createSafeguardingDetector(additions: readonly Lexicon[] = []): DangerDetector {
  return createDangerDetector([...BUILT_IN_LEXICONS, ...additions]);
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
