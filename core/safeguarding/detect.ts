import lexicon from './lexicon.json';
import { normalizeForSignals } from './normalize';

export type SignalCategory = 'suicide' | 'self-harm' | 'abuse' | 'violence';

const CATEGORIES: readonly SignalCategory[] = ['suicide', 'self-harm', 'abuse', 'violence'];
const MACRO = /\{([a-zA-Z]\w*)\}/g;
const HAS_MACRO = /\{[a-zA-Z]\w*\}/;

function expand(pattern: string): string {
  let out = pattern;
  for (let pass = 0; pass < 5 && HAS_MACRO.test(out); pass++) {
    out = out.replace(MACRO, (whole, name: string) => {
      const body = (lexicon.macros as Record<string, string>)[name];
      if (body === undefined) throw new Error(`safeguarding lexicon: unknown macro {${name}} in "${pattern}"`);
      return body;
    });
  }
  return out;
}

/** One regular expression per list: alternatives that only match whole words. */
function compile(patterns: readonly string[], flags: string): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${patterns.map(expand).join('|')})(?![a-z0-9])`, flags);
}

const SIGNALS: ReadonlyArray<[SignalCategory, RegExp]> = CATEGORIES.map((c) => [c, compile(lexicon.signals[c], '')]);
const EXCLUSIONS = compile(lexicon.exclusions, 'g');

/**
 * How much of a message outside the open question is checked: ten times what is ever stored of an
 * answer, and a bound on the time one (possibly hostile) 1 MB message can take (≈ 2 ms, not 160).
 */
const MESSAGE_WINDOW = 20_000;

/** True when a message (any step of the conversation) signals danger; see detectSignals. */
export function signalsDanger(message: string): boolean {
  return detectSignals(message.length > MESSAGE_WINDOW ? message.slice(0, MESSAGE_WINDOW) : message).flagged;
}

/**
 * Looks for signs of danger in free text (nl and en): suicide, self-harm, abuse, violence.
 * Errs towards flagging: only clear everyday idioms ("ik ga dood van het lachen") are excluded.
 */
export function detectSignals(text: string): { flagged: boolean; categories: SignalCategory[] } {
  const normalised = normalizeForSignals(text).replace(EXCLUSIONS, ' ~ ');
  const categories = SIGNALS.filter(([, re]) => re.test(normalised)).map(([c]) => c);
  return { flagged: categories.length > 0, categories };
}
