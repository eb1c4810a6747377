import type { Catalogue } from '../catalogue';
import type { Locale, ThemeId } from '../types';
import { type Analysis, stemWord, wordsOf } from './language';

/**
 * One word of a keyword. Plain words match on their stem; "*" marks a word part, so
 * Dutch compounds match too: "wacht*" (wachtlijst, wachttijd), "*verlener" (jeugdhulpverlener),
 * "*dossier*" (cliëntdossiers).
 */
type Pattern =
  | { kind: 'stem'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'contains'; value: string };

interface Rule {
  theme: ThemeId;
  patterns: Pattern[];
}

/** A keyword's words may be this many words apart in the text ("wachtlijst was veel te lang"). */
const MAX_GAP = 2;

export interface KeywordMatcher {
  /** Themes whose keywords occur in the analysed text. */
  match(analysis: Analysis): Set<ThemeId>;
}

function compilePattern(word: string, lang: Locale): Pattern | null {
  const starts = word.startsWith('*');
  const ends = word.endsWith('*');
  const core = word.replace(/^\*+|\*+$/g, '');
  const [normalized] = wordsOf(core, lang);
  if (!normalized) return null;
  if (starts && ends) return { kind: 'contains', value: normalized };
  if (ends) return { kind: 'prefix', value: normalized };
  if (starts) return { kind: 'suffix', value: normalized };
  return { kind: 'stem', value: stemWord(normalized, lang) };
}

function compileRule(theme: ThemeId, keyword: string, lang: Locale): Rule | null {
  const patterns: Pattern[] = [];
  for (const part of keyword.trim().split(/\s+/)) {
    const p = compilePattern(part, lang);
    if (p) patterns.push(p);
  }
  return patterns.length ? { theme, patterns } : null;
}

function matches(p: Pattern, word: string, stem: string): boolean {
  switch (p.kind) {
    case 'stem':
      return stem === p.value;
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

export function compileKeywords(catalogue: Catalogue, lang: Locale): KeywordMatcher {
  // Rules whose first word is a plain stem are indexed by it; only word-part rules are tried everywhere.
  const byFirstStem = new Map<string, Rule[]>();
  const partRules: Rule[] = [];
  for (const theme of catalogue.themes) {
    for (const keyword of theme.keywords[lang]) {
      const rule = compileRule(theme.id, keyword, lang);
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
    match(a: Analysis): Set<ThemeId> {
      const found = new Set<ThemeId>();
      for (let i = 0; i < a.words.length; i += 1) {
        const word = a.words[i]!;
        const stem = a.stems[i]!;
        const candidates = byFirstStem.get(stem);
        if (candidates) {
          for (const rule of candidates) if (!found.has(rule.theme) && ruleMatchesAt(rule, a, i)) found.add(rule.theme);
        }
        for (const rule of partRules) {
          if (!found.has(rule.theme) && matches(rule.patterns[0]!, word, stem) && ruleMatchesAt(rule, a, i)) found.add(rule.theme);
        }
      }
      return found;
    },
  };
}
