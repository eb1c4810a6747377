import { SentimentEn } from '@nlpjs/lang-en';
import { SentimentNl } from '@nlpjs/lang-nl';
import type { Locale, Sentiment } from '../types';
import type { Analysis } from './language';
import { stemWord } from './language';
import { CONTRASTS, DOMAIN_LEXICON, NEGATIONS } from './sentimentLexicon';

/**
 * NLP.js's dictionaries are general-purpose and noisy for this domain, so they count for half;
 * the domain lexicon decides where both know a word.
 */
const NLPJS_WEIGHT = Number(process.env.HM_W ?? 0.5);
const NLPJS_MIN = Number(process.env.HM_MIN ?? 0.2);
/** A negation reaches this many words ahead: "niet echt heel fijn". */
const NEGATION_REACH = 3;
/** A negated opinion is weaker than its opposite: "niet goed" is not "slecht". */
const NEGATED = -0.7;
/** A complaint without opinion words ("ze belde niet terug") still leans negative. */
const BARE_NEGATION = -0.35;
/** A part counts as clearly positive or negative from here on. */
const CLEAR = 0.35;
const LEANING = 0.2;

export interface SentimentScorer {
  sentiment(a: Analysis): Sentiment;
}

interface Lexicon {
  words: Map<string, number>;
  pairs: Map<string, number>;
  negations: ReadonlySet<string>;
  contrasts: ReadonlySet<string>;
}

function buildLexicon(lang: Locale): Lexicon {
  const words = new Map<string, number>();
  const general = lang === 'nl' ? SentimentNl.pattern : SentimentEn.senticon;
  for (const [stem, score] of Object.entries(general)) if (Math.abs(score) >= NLPJS_MIN) words.set(stem, score * NLPJS_WEIGHT);
  const pairs = new Map<string, number>();
  for (const [entry, score] of Object.entries(DOMAIN_LEXICON[lang])) {
    if (entry.includes(' ')) pairs.set(entry, score);
    else words.set(stemWord(entry, lang), score);
  }
  const negations = new Set([...NEGATIONS[lang], ...(lang === 'nl' ? SentimentNl : SentimentEn).negations.words]);
  return { words, pairs, negations, contrasts: CONTRASTS[lang] };
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
  for (let i = from; i < to; i += 1) {
    const word = a.words[i]!;
    if (a.content[i]) contentWords += 1;
    if (lex.negations.has(word)) {
      negationLeft = NEGATION_REACH;
      unusedNegation = true;
      negationAt = i;
      continue;
    }
    let value: number | undefined;
    if (i + 1 < to) {
      value = lex.pairs.get(`${word} ${a.words[i + 1]}`);
      if (value !== undefined) i += 1;
    }
    if (value === undefined) value = lex.words.get(a.stems[i]!);
    if (value === undefined || value === 0) {
      if (negationLeft > 0) negationLeft -= 1;
      continue;
    }
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
    // Dutch and English both put the negation after the verb: "het helpt niet", "it didn't help".
    if (lastScored >= 0 && lastScored < negationAt && lastContribution > 0 && negationAt - lastScored <= NEGATION_REACH) {
      score += lastContribution * (NEGATED - 1);
    } else if (lastScored < 0 && contentWords >= 2) {
      score += BARE_NEGATION;
    }
  }
  return score;
}

export function createSentimentScorer(lang: Locale): SentimentScorer {
  const lex = buildLexicon(lang);
  return {
    sentiment(a: Analysis): Sentiment {
      let positive = 0;
      let negative = 0;
      let total = 0;
      let start = 0;
      const n = a.words.length;
      for (let i = 1; i <= n; i += 1) {
        if (i < n && !a.clauseStart[i] && !lex.contrasts.has(a.words[i]!)) continue;
        const s = scoreClause(a, start, i, lex);
        total += s;
        if (s >= CLEAR) positive += s;
        if (s <= -CLEAR) negative += s;
        start = i;
      }
      if (positive > 0 && negative < 0) return 'mixed';
      if (total >= LEANING) return 'positive';
      if (total <= -LEANING) return 'negative';
      return 'neutral';
    },
  };
}
