/**
 * Matches typed answers against the choices the bot offered. People type "Ja hoor!",
 * "ik denk een 4", "NEE" or "Overslaan" on a phone keyboard, so matching ignores case,
 * accents, punctuation and surrounding words.
 */

/** One offered choice: the value it stands for and every phrase that selects it. */
export interface ChoiceOption<V extends string = string> {
  value: V;
  phrases: readonly string[];
}

const MARKS = /\p{M}/gu;
const PICTOGRAPH = /(\p{Extended_Pictographic})/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu;

const ASCII = /^[\x00-\x7f]*$/;
const ASCII_NOT_WORD = /[^a-z0-9]+/g;

/** Lower case, no accents or punctuation, emoji kept as separate tokens, single spaces. */
export function normalizeText(text: string): string {
  // Most typed answers are plain ASCII ("4", "ja", "Start"), which has no accents or emoji and
  // whose letters and digits are exactly a-z0-9 once lower-cased: the same result, without
  // Unicode normalisation and property classes (the slow part of every turn's matching).
  if (ASCII.test(text)) return text.toLowerCase().replace(ASCII_NOT_WORD, ' ').trim();
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(PICTOGRAPH, ' $1 ')
    .replace(NOT_WORD, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/** Phrases come from the locale files, a small fixed set: normalise each one once. */
const phraseCache = new Map<string, string[]>();
export function phraseTokens(phrase: string): string[] {
  let tokens = phraseCache.get(phrase);
  if (!tokens) {
    tokens = tokenize(phrase);
    if (phraseCache.size < 10_000) phraseCache.set(phrase, tokens);
  }
  return tokens;
}

/** Below this length one wrong letter turns a word into another word ("oud", "kind"): no typo is forgiven. */
export const TYPO_MIN_LENGTH = 5;
const HAS_DIGIT = /\d/;

/**
 * True when `typed` is `word` with one letter wrong, missing, added, or two neighbours swapped
 * ("jongre", "oudr", "parnet"). Only for words of TYPO_MIN_LENGTH letters or more, never digits.
 */
export function isOneTypoOff(typed: string, word: string): boolean {
  if (word.length < TYPO_MIN_LENGTH || typed === word || HAS_DIGIT.test(typed) || HAS_DIGIT.test(word)) return false;
  const [a, b] = typed.length <= word.length ? [typed, word] : [word, typed];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter replaced
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // neighbours swapped
  }
  return a.slice(i) === b.slice(i + 1); // one letter added or missing
}

function containsPhrase(tokens: readonly string[], phrase: readonly string[], forgiveTypo = false): boolean {
  if (phrase.length === 0 || phrase.length > tokens.length) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      if (tokens[i + j] !== phrase[j] && !(forgiveTypo && isOneTypoOff(tokens[i + j], phrase[j]))) continue outer;
    }
    return true;
  }
  return false;
}

export interface MatchOptions {
  /**
   * Also accept a word with one typo (see isOneTypoOff), when no choice matches exactly. For
   * words that are only answers (the role); never for consent, scores or free text.
   */
  forgiveTypo?: boolean;
}

function matchTokens<V extends string>(tokens: readonly string[], options: readonly ChoiceOption<V>[], forgiveTypo: boolean): V | undefined {
  let found: V | undefined;
  for (const option of options) {
    const hit = option.phrases.some((p) => containsPhrase(tokens, phraseTokens(p), forgiveTypo));
    if (!hit) continue;
    if (found !== undefined && found !== option.value) return undefined;
    found = option.value;
  }
  return found;
}

/**
 * The value of the one choice whose phrase occurs as whole words in the text; undefined
 * when none or several different choices occur ("ja nee" is not an answer).
 */
export function matchChoice<V extends string>(text: string, options: readonly ChoiceOption<V>[], match: MatchOptions = {}): V | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;
  const exact = matchTokens(tokens, options, false);
  if (exact !== undefined || !match.forgiveTypo) return exact;
  return matchTokens(tokens, options, true);
}

/** True when the whole message is one of the phrases (for words that are also ordinary text). */
export function isExactly(text: string, phrases: readonly string[]): boolean {
  const normalized = normalizeText(text);
  return normalized !== '' && phrases.some((p) => phraseTokens(p).join(' ') === normalized);
}

/**
 * The value of the choice one of whose phrases is the whole message. For words that are
 * answers only on their own: "goed" is a 4, but "niet goed" or "heel goed" are not.
 */
export function matchWhole<V extends string>(text: string, options: readonly ChoiceOption<V>[]): V | undefined {
  return options.find((option) => isExactly(text, option.phrases))?.value;
}
