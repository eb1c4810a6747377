import type { Catalogue } from '../catalogue';
import { LOCALES, type Locale, type Sentiment, type ThemeId } from '../types';
import { type EvidenceModel, buildEvidenceModel, combinedScore } from './evidence';
import { type Analysis, analyse, effectiveLanguage } from './language';
import { type SentimentScorer, createSentimentScorer } from './sentiment';
import { type TrainingData, type TrainingExample, trainingDataFor } from './trainingData';
import type { TagResult, ThemeTagger } from './types';

/**
 * Score (classifier plus keyword weight) from which a theme is tagged. Per-theme thresholds
 * fitted by cross-validation never helped on text they were not fitted on, so there is one.
 */
export const CLASSIFIER_THRESHOLD = 0.3;

/** Answers shorter than this many words are chat answers: tagged from SHORT_ANSWER_THRESHOLD. */
export const SHORT_ANSWER_WORDS = 25;
export const SHORT_ANSWER_THRESHOLD = { value: 0.35 };
export const LONG_ACCOUNT_FALLBACK = { value: 0.15 };

/** A theme under the threshold is still offered for confirmation, next to a tagged one, from this score on. */
export const GUESS_THRESHOLD = 0.15;

/** The confirmation step offers at most this many themes (plus "something else"). */
export const MAX_GUESSES = 2;

/**
 * The learned sentiment classifier where there is labelled material, the lexicon (with its negation
 * rules) where there is none or the classifier is unsure.
 */
function sentimentOf(model: LanguageModel, a: Analysis, topical: boolean): Sentiment {
  const lexicon = model.sentiment.sentiment(a, topical);
  // The classifier learned from accounts of several sentences; a chat answer is the lexicon's.
  if (a.words.length < SENTIMENT_WEIGHTS.minWords) return lexicon;
  let best: Sentiment | null = null;
  let bestP = 0;
  for (const [s, p] of model.evidence.sentiment(a)) {
    const adjusted = p + (s === lexicon ? SENTIMENT_WEIGHTS.lexiconVote : 0);
    if (adjusted > bestP) {
      best = s;
      bestP = adjusted;
    }
  }
  return best ?? lexicon;
}

/** What the lexicon's verdict adds to the classifier's probability for that class. */
export const SENTIMENT_WEIGHTS = { lexiconVote: 0.4, minWords: 25 };

export interface TaggerOptions {
  threshold?: number;
  /** Reviewed remarks (`npx hoormij themes review`) learned on top of the shipped material. */
  learned?: readonly TrainingExample[];
  /** Replaces the shipped material (tests of a small catalogue). */
  training?: TrainingData;
}

interface LanguageModel {
  evidence: EvidenceModel;
  sentiment: SentimentScorer;
}

/**
 * Builds the tagger and trains it on core/themes/training plus the reviewed remarks (well under
 * three seconds). Keyword rules catch the plain cases, the NLP.js neural classifier the
 * paraphrases; their evidence is added up per theme and compared with the threshold.
 */
export function createThemeTagger(catalogue: Catalogue, opts: TaggerOptions = {}): ThemeTagger {
  const order = new Map(catalogue.themes.map((t, i) => [t.id, i]));
  const threshold = opts.threshold ?? CLASSIFIER_THRESHOLD;
  const data = opts.training ?? trainingDataFor(catalogue, opts.learned);
  const models = {} as Record<Locale, LanguageModel>;
  for (const lang of LOCALES) models[lang] = { evidence: buildEvidenceModel(data, lang), sentiment: createSentimentScorer(lang) };
  return {
    tag(text: string, lang: Locale): TagResult {
      const used = effectiveLanguage(text, lang);
      const model = models[used];
      const a = analyse(text, used);
      // The model learned from long accounts; a short chat answer needs firmer evidence per theme.
      const needed = a.words.length < SHORT_ANSWER_WORDS ? Math.max(threshold, SHORT_ANSWER_THRESHOLD.value) : threshold;
      const themes: ThemeId[] = [];
      const ranked: { theme: ThemeId; score: number }[] = [];
      for (const [theme, e] of model.evidence.evidence(a)) {
        const score = combinedScore(e);
        if (score >= needed) themes.push(theme);
        if (score >= GUESS_THRESHOLD) ranked.push({ theme, score });
      }
      ranked.sort((x, y) => y.score - x.score || (order.get(x.theme) ?? 0) - (order.get(y.theme) ?? 0));
      // A long account is nearly always about something: its best theme counts from a lower score.
      const best = ranked[0];
      if (!themes.length && best && a.words.length >= SHORT_ANSWER_WORDS && best.score >= LONG_ACCOUNT_FALLBACK.value) themes.push(best.theme);
      themes.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
      // A near miss is offered only beside a theme the tagger is sure of: "thanks, it was nice" asks nothing.
      const guesses = themes.length ? ranked.slice(0, MAX_GUESSES).map((r) => r.theme) : [];
      return { themes, sentiment: sentimentOf(model, a, themes.length > 0), guesses };
    },
  };
}
