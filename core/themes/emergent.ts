import type { Catalogue } from '../catalogue';
import { LOCALES, type Locale } from '../types';
import { type TrainingData, trainingDataFor } from './trainingData';
import { analyse } from './language';

export interface EmergentItem {
  participant: string;
  text: string;
  lang: Locale;
  /** Themes tagged on the text; untagged texts rank first among equals. */
  themes?: readonly string[];
}

export interface EmergentPhrase {
  /** The most common original wording, e.g. "vervoer naar school". */
  phrase: string;
  /** Distinct participants who used it. */
  respondents: number;
  lang: Locale;
}

export interface EmergentOptions {
  minRespondents: number;
  catalogue: Catalogue;
  /** The tagger's material the catalogue is read with; the shipped material by default. */
  training?: TrainingData;
  max?: number;
}

/** At most this many stopwords may sit between the two words of a pair ("vervoer naar de school"). */
const MAX_INNER_STOPWORDS = 2;
const MIN_WORD_LENGTH = 3;
/** A word is dropped in favour of a pair containing it when the pair has at least this share of its people. */
const PAIR_DOMINANCE = 0.5;

interface Candidate {
  key: string;
  lang: Locale;
  stems: string[];
  participants: Set<string>;
  untagged: Set<string>;
  surfaces: Map<string, number>;
}

interface Vocabulary {
  stems: Set<string>;
  /** Two stems that occur together in one example, keyword, label or description ("lang|wachtlijst"). */
  together: Set<string>;
}

// The digest asks every week with the same catalogue; analysing its examples once is enough.
const vocabularies = new WeakMap<Catalogue | TrainingData, Record<Locale, Vocabulary>>();

const together = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Every stem the catalogue speaks of, and which stems it uses together, per language. */
function catalogueVocabulary(catalogue: Catalogue, training?: TrainingData): Record<Locale, Vocabulary> {
  const key = training ?? catalogue;
  const cached = vocabularies.get(key);
  if (cached) return cached;
  const vocab = {} as Record<Locale, Vocabulary>;
  const data = training ?? trainingDataFor(catalogue);
  for (const lang of LOCALES) {
    const v: Vocabulary = { stems: new Set(), together: new Set() };
    for (const theme of catalogue.themes) {
      const texts = [
        ...(data.examples[lang].get(theme.id) ?? []),
        ...(data.keywords[lang].get(theme.id) ?? []).map((k) => k.replace(/[*~=]/g, '')),
        theme.label[lang],
        theme.description[lang],
      ];
      for (const text of texts) {
        const a = analyse(text, lang);
        const stems = [...new Set(a.stems.filter((_, i) => a.content[i]))];
        for (let i = 0; i < stems.length; i += 1) {
          v.stems.add(stems[i]!);
          for (let j = i + 1; j < stems.length; j += 1) v.together.add(together(stems[i]!, stems[j]!));
        }
      }
    }
    vocab[lang] = v;
  }
  vocabularies.set(key, vocab);
  return vocab;
}

/**
 * A word is covered when the catalogue uses it; a pair only when the catalogue uses both words in
 * one text: "openbaar vervoer" and "school" being known does not make "vervoer naar school" old news.
 */
function isCovered(c: Candidate, vocab: Vocabulary): boolean {
  if (c.stems.length === 1) return vocab.stems.has(c.stems[0]!);
  return vocab.together.has(together(c.stems[0]!, c.stems[1]!));
}

function record(
  candidates: Map<string, Candidate>,
  lang: Locale,
  stems: string[],
  surface: string,
  participant: string,
  untagged: boolean,
): void {
  const key = stems.join(' ');
  const id = `${lang}:${key}`;
  let c = candidates.get(id);
  if (!c) {
    c = { key, lang, stems, participants: new Set(), untagged: new Set(), surfaces: new Map() };
    candidates.set(id, c);
  }
  c.participants.add(participant);
  if (untagged) c.untagged.add(participant);
  c.surfaces.set(surface, (c.surfaces.get(surface) ?? 0) + 1);
}

function mostCommon(surfaces: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [surface, count] of surfaces) {
    if (count > bestCount || (count === bestCount && surface < best)) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Recurring words and word pairs (stemmed, stopwords out) that at least minRespondents distinct
 * participants used and that no catalogue theme covers yet, so a lead sees "nieuw: vervoer naar
 * school" before anyone wrote it into the catalogue. Pairs win over the words inside them.
 */
export function findEmergentPhrases(items: EmergentItem[], opts: EmergentOptions): EmergentPhrase[] {
  const vocab = catalogueVocabulary(opts.catalogue, opts.training);
  const candidates = new Map<string, Candidate>();
  for (const item of items) {
    const a = analyse(item.text, item.lang);
    const untagged = !item.themes || item.themes.length === 0;
    const content: number[] = [];
    for (let i = 0; i < a.words.length; i += 1) {
      if (a.content[i] && a.words[i]!.length >= MIN_WORD_LENGTH) content.push(i);
    }
    for (let k = 0; k < content.length; k += 1) {
      const i = content[k]!;
      record(candidates, item.lang, [a.stems[i]!], a.words[i]!, item.participant, untagged);
      const j = content[k + 1];
      if (j === undefined || j - i - 1 > MAX_INNER_STOPWORDS) continue;
      let crossesClause = false;
      for (let m = i + 1; m <= j; m += 1) if (a.clauseStart[m]) crossesClause = true;
      if (crossesClause) continue;
      record(candidates, item.lang, [a.stems[i]!, a.stems[j]!], a.words.slice(i, j + 1).join(' '), item.participant, untagged);
    }
  }

  const qualifying = [...candidates.values()].filter(
    (c) => c.participants.size >= opts.minRespondents && !isCovered(c, vocab[c.lang]),
  );
  const pairs = qualifying.filter((c) => c.stems.length === 2);
  const kept = qualifying.filter(
    (c) =>
      c.stems.length === 2 ||
      !pairs.some((p) => p.lang === c.lang && p.stems.includes(c.stems[0]!) && p.participants.size >= c.participants.size * PAIR_DOMINANCE),
  );
  kept.sort(
    (x, y) =>
      y.participants.size - x.participants.size ||
      y.stems.length - x.stems.length ||
      y.untagged.size - x.untagged.size ||
      x.key.localeCompare(y.key),
  );
  const limited = opts.max === undefined ? kept : kept.slice(0, opts.max);
  return limited.map((c) => ({ phrase: mostCommon(c.surfaces), respondents: c.participants.size, lang: c.lang }));
}
