import type { Locale, ThemeId } from '../types';
import { type Analysis, stemWord, wordsOf } from './language';
import type { TrainingData } from './trainingData';

/**
 * One word of a keyword. Plain words match on their stem; "*" marks a word part, so
 * Dutch compounds match too: "wacht*" (wachtlijst, wachttijd), "*verlener" (jeugdhulpverlener),
 * "*dossier*" (cliëntdossiers). A Dutch plain word of five letters or more also matches as the
 * last part of a compound, since Dutch puts the head last: "wachtlijst" in "zorgwachtlijsten".
 * "=word" matches that word only, as written.
 */
type Pattern =
  | { kind: 'stem'; value: string; head: boolean }
  | { kind: 'word'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'contains'; value: string };

interface Rule {
  theme: ThemeId;
  patterns: Pattern[];
  /** Written with a leading "~": points to the theme only together with the classifier. */
  hint: boolean;
}

/** Shortest Dutch stem that also matches as a compound's head; shorter ones ("eten", "plan") hide in too many words. */
const MIN_HEAD = 5;

/** A keyword's words may be this many words apart in the text ("wachtlijst was veel te lang"). */
const MAX_GAP = 2;

export interface KeywordMatch {
  /** Themes with a keyword in the text. */
  strong: Set<ThemeId>;
  /** Themes with only a hint ("~school") in the text. */
  hints: Set<ThemeId>;
}

export interface KeywordMatcher {
  match(analysis: Analysis): KeywordMatch;
}

function compilePattern(word: string, lang: Locale): Pattern | null {
  // "=cared": this word as written, where the stem would also match a far more common word ("care").
  if (word.startsWith('=')) {
    const [exact] = wordsOf(word.slice(1), lang);
    return exact ? { kind: 'word', value: exact } : null;
  }
  const starts = word.startsWith('*');
  const ends = word.endsWith('*');
  const core = word.replace(/^\*+|\*+$/g, '');
  const [normalized] = wordsOf(core, lang);
  if (!normalized) return null;
  if (starts && ends) return { kind: 'contains', value: normalized };
  if (ends) return { kind: 'prefix', value: normalized };
  if (starts) return { kind: 'suffix', value: normalized };
  const value = stemWord(normalized, lang);
  return { kind: 'stem', value, head: lang === 'nl' && value.length >= MIN_HEAD };
}

function compileRule(theme: ThemeId, keyword: string, lang: Locale): Rule | null {
  const trimmed = keyword.trim();
  const hint = trimmed.startsWith('~');
  const patterns: Pattern[] = [];
  for (const part of trimmed.replace(/^~/, '').split(/\s+/)) {
    const p = compilePattern(part, lang);
    if (p) patterns.push(p);
  }
  return patterns.length ? { theme, patterns, hint } : null;
}

function matches(p: Pattern, word: string, stem: string): boolean {
  switch (p.kind) {
    case 'stem':
      return stem === p.value || (p.head && stem.length > p.value.length && stem.endsWith(p.value));
    case 'word':
      return word === p.value;
    case 'prefix':
      return word.startsWith(p.value);
    case 'suffix':
      return word.endsWith(p.value);
    case 'contains':
      return word.includes(p.value);
  }
}

function ruleMatchesAt(rule: Rule, a: Analysis, start: number): boolean {
  let pos = start;
  for (let k = 1; k < rule.patterns.length; k += 1) {
    const p = rule.patterns[k]!;
    let found = -1;
    for (let j = pos + 1; j <= pos + 1 + MAX_GAP && j < a.words.length; j += 1) {
      if (matches(p, a.words[j]!, a.stems[j]!)) {
        found = j;
        break;
      }
    }
    if (found < 0) return false;
    pos = found;
  }
  return true;
}

export function compileKeywords(data: TrainingData, lang: Locale): KeywordMatcher {
  // Rules whose first word is a plain stem are indexed by it (a compound's head is looked up by its
  // word ends); only word-part rules are tried everywhere.
  const byFirstStem = new Map<string, Rule[]>();
  const partRules: Rule[] = [];
  for (const [theme, keywords] of data.keywords[lang]) {
    for (const keyword of keywords) {
      const rule = compileRule(theme, keyword, lang);
      if (!rule) continue;
      const first = rule.patterns[0]!;
      if (first.kind === 'stem') {
        const list = byFirstStem.get(first.value) ?? [];
        list.push(rule);
        byFirstStem.set(first.value, list);
      } else {
        partRules.push(rule);
      }
    }
  }
  return {
    match(a: Analysis): KeywordMatch {
      const strong = new Set<ThemeId>();
      const hints = new Set<ThemeId>();
      const record = (rule: Rule) => (rule.hint ? hints : strong).add(rule.theme);
      const done = (rule: Rule) => strong.has(rule.theme) || (rule.hint && hints.has(rule.theme));
      for (let i = 0; i < a.words.length; i += 1) {
        const word = a.words[i]!;
        const stem = a.stems[i]!;
        const candidates = byFirstStem.get(stem);
        if (candidates) {
          for (const rule of candidates) if (!done(rule) && ruleMatchesAt(rule, a, i)) record(rule);
        }
        if (lang === 'nl') {
          for (let k = 1; stem.length - k >= MIN_HEAD; k += 1) {
            const heads = byFirstStem.get(stem.slice(k));
            if (!heads) continue;
            for (const rule of heads) {
              const first = rule.patterns[0]!;
              if (first.kind === 'stem' && first.head && !done(rule) && ruleMatchesAt(rule, a, i)) record(rule);
            }
          }
        }
        for (const rule of partRules) {
          if (!done(rule) && matches(rule.patterns[0]!, word, stem) && ruleMatchesAt(rule, a, i)) record(rule);
        }
      }
      for (const theme of strong) hints.delete(theme);
      return { strong, hints };
    },
  };
}
