import { SentimentEn } from '@nlpjs/lang-en';
import { SentimentNl } from '@nlpjs/lang-nl';
import type { Locale, Sentiment } from '../types';
import type { Analysis } from './language';
import { stemWord } from './language';
import { CONCESSIVES, CONTRASTS, DOMAIN_LEXICON, EXCESS, INTENSIFIERS, NEGATIONS } from './sentimentLexicon';

/**
 * NLP.js's dictionaries (pattern for nl, senticon for en) are general-purpose and noisy for
 * this domain ("wait" +0.5, "bad" +0.25 after stemming), so they only speak for words the domain
 * lexicon does not know, with half weight and only when they are sure.
 */
const NLPJS_WEIGHT = 0.5;
const NLPJS_MIN = 0.7;
/** A negation reaches this many words ahead: "niet echt heel fijn". */
const NEGATION_REACH = 3;
/** A negated opinion is weaker than its opposite: "niet goed" is not "slecht". */
const NEGATED = -0.7;
/** A complaint without opinion words ("ze belde niet terug") leans negative, but not clearly. */
const BARE_NEGATION = -0.25;
/** "te klein", "too far": a complaint even when the word itself is neutral. */
const EXCESS_SCORE = -0.5;
/** A part counts as clearly positive or negative from here on. */
const CLEAR = 0.35;
const LEANING = 0.2;
/** What follows "maar"/"but" is what the writer means most ("lief, maar we wachtten maanden"). */
const AFTER_CONTRAST = 1.5;
/** A conceded part ("ook al was hij boos", "even though it took long") hardly colours the answer. */
const CONCEDED = 0.3;
/** Praise next to an eye-roll emoji is read as its opposite, a little weaker. */
const SARCASM = 'emosarc';
const SARCASTIC_PRAISE = -0.6;
/** "echt", "heel", "so": the next opinion word counts this much more. */
const INTENSIFIED = 1.3;

export interface SentimentScorer {
  /**
   * `topical`: the answer speaks of a catalogue theme. Feedback about care that names a topic
   * without a single opinion word is nearly always a complaint ("ik moet om 9 uur mijn mobiel inleveren").
   */
  sentiment(a: Analysis, topical?: boolean): Sentiment;
}

interface Lexicon {
  lang: Locale;
  /** Domain words as written ("liked" but not "like"). */
  surface: Map<string, number>;
  /** Domain words by stem, then NLP.js's dictionary by stem. */
  stems: Map<string, number>;
  pairs: Map<string, number>;
  negations: ReadonlySet<string>;
  contrasts: ReadonlySet<string>;
  concessives: ReadonlySet<string>;
  intensifiers: ReadonlySet<string>;
  excess: string;
}

function buildLexicon(lang: Locale): Lexicon {
  const general = lang === 'nl' ? SentimentNl.pattern : SentimentEn.senticon;
  const stems = new Map<string, number>();
  // Their praise words fire on plain description ("care", "family"); only their clear complaints are kept.
  for (const [stem, score] of Object.entries(general)) if (score <= -NLPJS_MIN) stems.set(stem, score * NLPJS_WEIGHT);
  const surface = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const [entry, score] of Object.entries(DOMAIN_LEXICON[lang])) {
    if (entry.includes(' ')) pairs.set(entry, score);
    else surface.set(entry, score);
  }
  // A stem shared by words the lexicon scores differently ("like" 0, "liked" +) is left to the surface forms.
  const byStem = new Map<string, number[]>();
  for (const [word, score] of surface) {
    const stem = stemWord(word, lang);
    byStem.set(stem, [...(byStem.get(stem) ?? []), score]);
  }
  for (const [stem, scores] of byStem) if (scores.every((x) => x === scores[0])) stems.set(stem, scores[0]!);
  const negations = new Set([...NEGATIONS[lang], ...(lang === 'nl' ? SentimentNl : SentimentEn).negations.words]);
  return { lang, surface, stems, pairs, negations, contrasts: CONTRASTS[lang], concessives: CONCESSIVES[lang], intensifiers: INTENSIFIERS[lang], excess: EXCESS[lang] };
}

const SHORT_INFINITIVES = new Set(['gaan', 'staan', 'doen', 'zien', 'slaan']);

function isInfinitive(word: string, lang: Locale): boolean {
  // Dutch "te" also marks an infinitive ("om te praten"), which is no complaint.
  return lang === 'nl' && (word.endsWith('en') || SHORT_INFINITIVES.has(word));
}

/** Scores one clause (a run of words between punctuation or contrast words). */
function scoreClause(a: Analysis, from: number, to: number, lex: Lexicon): number {
  let score = 0;
  let negationLeft = 0;
  let unusedNegation = false;
  let negationAt = -1;
  let lastScored = -1;
  let lastContribution = 0;
  let contentWords = 0;
  let boost = 1;
  for (let i = from; i < to; i += 1) {
    const word = a.words[i]!;
    if (a.content[i]) contentWords += 1;
    const next = i + 1 < to ? a.words[i + 1]! : undefined;
    let value: number | undefined;
    if (next !== undefined) {
      value = lex.pairs.get(`${word} ${next}`);
      if (value !== undefined) {
        // A fixed expression ("niet slecht", "not sure") carries its own polarity, negation included.
        i += 1;
        negationLeft = 0;
        unusedNegation = false;
        if (value !== 0) {
          score += value;
          lastScored = i;
          lastContribution = value;
        }
        continue;
      }
      if (word === lex.excess && !isInfinitive(next, lex.lang) && !lex.negations.has(next)) {
        const own = lex.surface.get(next) ?? lex.stems.get(a.stems[i + 1]!) ?? 0;
        value = Math.min(EXCESS_SCORE, -Math.abs(own));
        i += 1;
      }
    }
    if (value === undefined && next !== undefined && lex.intensifiers.has(word)) {
      boost = INTENSIFIED;
      continue;
    }
    if (value === undefined && lex.negations.has(word)) {
      negationLeft = NEGATION_REACH;
      unusedNegation = true;
      negationAt = i;
      continue;
    }
    if (value === undefined) value = lex.surface.get(word) ?? lex.stems.get(a.stems[i]!);
    if (value === undefined || value === 0) {
      if (negationLeft > 0) negationLeft -= 1;
      if (a.content[i]) boost = 1;
      continue;
    }
    value *= boost;
    boost = 1;
    if (negationLeft > 0) {
      value *= NEGATED;
      negationLeft = 0;
      unusedNegation = false;
    }
    score += value;
    lastScored = i;
    lastContribution = value;
  }
  if (unusedNegation) {
    // Both languages put the negation after the verb: "het helpt niet", "it works not" is rare but "helpt niet" is common.
    if (lastScored >= 0 && lastScored < negationAt && lastContribution > 0 && negationAt - lastScored <= NEGATION_REACH) {
      score += lastContribution * (NEGATED - 1);
    } else if (lastScored < 0 && contentWords >= 2) {
      score += BARE_NEGATION;
    }
  }
  return score;
}

function isConcessive(a: Analysis, at: number, lex: Lexicon): boolean {
  const word = a.words[at]!;
  // Dutch "ook al" ("ook al was hij boos") concedes; "al" alone means "already".
  if (word === 'al' && at > 0 && a.words[at - 1] === 'ook') return true;
  return lex.concessives.has(word);
}

/** Content words from which a remark without opinion words is an account, not a passing note. */
const LONG_ACCOUNT = 8;

function contentWordsOf(a: Analysis): number {
  let n = 0;
  for (const c of a.content) if (c) n += 1;
  return n;
}

export function createSentimentScorer(lang: Locale): SentimentScorer {
  const lex = buildLexicon(lang);
  return {
    sentiment(a: Analysis, topical = false): Sentiment {
      const sarcastic = a.words.includes(SARCASM);
      let positive = 0;
      let negative = 0;
      let total = 0;
      let start = 0;
      const n = a.words.length;
      for (let i = 1; i <= n; i += 1) {
        if (i < n && !a.clauseStart[i] && !lex.contrasts.has(a.words[i]!) && !isConcessive(a, i, lex)) continue;
        let s = scoreClause(a, start, i, lex);
        if (isConcessive(a, start, lex)) s *= CONCEDED;
        else if (lex.contrasts.has(a.words[start]!)) s *= AFTER_CONTRAST;
        if (sarcastic && s > 0) s *= SARCASTIC_PRAISE;
        total += s;
        if (s >= CLEAR) positive += s;
        if (s <= -CLEAR) negative += s;
        start = i;
      }
      if (positive > 0 && negative < 0) return 'mixed';
      if (total >= LEANING) return 'positive';
      if (total <= -LEANING) return 'negative';
      // People who write at length about care without a clear opinion word are nearly always
      // describing what went wrong (most published statements are): lean negative then as well.
      return (topical || contentWordsOf(a) >= LONG_ACCOUNT) && total <= LEANING / 2 ? 'negative' : 'neutral';
    },
  };
}
