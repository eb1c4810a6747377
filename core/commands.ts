import { normalizeText, phraseTokens } from './choiceMatching';
import { parseSessionCode, SESSION_CODE_LENGTH } from './sessionCodes';
import type { Locale } from './types';

/**
 * Commands a participant can type at any moment, in either language. A command must be the
 * whole message (plus an argument for start and language), so that an open answer such as
 * "ik wil stoppen met school" is never taken for `stop`.
 */
export type Command =
  | { kind: 'help' }
  | { kind: 'stop' }
  | { kind: 'start'; code?: string; invalidCode?: boolean }
  | { kind: 'language'; locale?: Locale }
  | { kind: 'myData' }
  | { kind: 'erase' }
  | { kind: 'news' };

/** The phrases of each command, gathered from every locale. */
export interface CommandVocabulary {
  help: readonly string[];
  stop: readonly string[];
  start: readonly string[];
  language: readonly string[];
  myData: readonly string[];
  erase: readonly string[];
  /** What the team did with the answers (`nieuws`, `updates`). */
  news: readonly string[];
  /** Phrases naming each language ("nederlands", "english", "nl"). */
  locales: Readonly<Record<Locale, readonly string[]>>;
}


/** Each phrase's normalised text, joined once: every message is checked against all of them. */
const wholePhrases = new Map<string, string>();
function wholePhrase(phrase: string): string {
  let text = wholePhrases.get(phrase);
  if (text === undefined) {
    text = phraseTokens(phrase).join(' ');
    if (wholePhrases.size < 10_000) wholePhrases.set(phrase, text);
  }
  return text;
}

function matchesWhole(normalized: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => wholePhrase(p) === normalized);
}

/** The remainder of the message when it starts with one of the phrases, else undefined. */
function afterPrefix(tokens: string[], phrases: readonly string[]): string[] | undefined {
  for (const phrase of phrases) {
    const p = phraseTokens(phrase);
    if (p.length > 0 && p.length < tokens.length && p.every((w, i) => tokens[i] === w)) return tokens.slice(p.length);
  }
  return undefined;
}

/** "start K7P X4M" or a mistyped "start K7PX4" is meant as a code; "start was goed" is not. */
function looksLikeCode(words: string[]): boolean {
  const joined = words.join('');
  return words.length <= 3 && (joined.length === SESSION_CODE_LENGTH || (/\d/.test(joined) && joined.length <= 10));
}

export function matchLocale(text: string, vocabulary: CommandVocabulary): Locale | undefined {
  const normalized = normalizeText(text);
  const hits = (Object.keys(vocabulary.locales) as Locale[]).filter((l) => matchesWhole(normalized, vocabulary.locales[l]));
  return hits.length === 1 ? hits[0] : undefined;
}

export function parseCommand(text: string | undefined, vocabulary: CommandVocabulary): Command | undefined {
  if (!text) return undefined;
  const normalized = normalizeText(text);
  if (normalized === '' || normalized.length > 60) return undefined;
  if (matchesWhole(normalized, vocabulary.help)) return { kind: 'help' };
  if (matchesWhole(normalized, vocabulary.stop)) return { kind: 'stop' };
  if (matchesWhole(normalized, vocabulary.start)) return { kind: 'start' };
  if (matchesWhole(normalized, vocabulary.language)) return { kind: 'language' };
  if (matchesWhole(normalized, vocabulary.myData)) return { kind: 'myData' };
  if (matchesWhole(normalized, vocabulary.erase)) return { kind: 'erase' };
  if (matchesWhole(normalized, vocabulary.news)) return { kind: 'news' };

  const tokens = normalized.split(' ');
  const codeWords = afterPrefix(tokens, vocabulary.start);
  if (codeWords && looksLikeCode(codeWords)) {
    const code = parseSessionCode(codeWords.join(''));
    return code ? { kind: 'start', code } : { kind: 'start', invalidCode: true };
  }
  const languageWords = afterPrefix(tokens, vocabulary.language);
  if (languageWords) {
    const locale = matchLocale(languageWords.join(' '), vocabulary);
    if (locale) return { kind: 'language', locale };
  }
  return undefined;
}
