import type { Catalogue } from '../catalogue';
import { LOCALES, type Locale, type ThemeId } from '../types';
import { type ThemeClassifier, trainClassifier } from './classifier';
import { type KeywordMatcher, compileKeywords } from './keywordRules';
import { analyse, effectiveLanguage } from './language';
import { type SentimentScorer, createSentimentScorer } from './sentiment';
import type { TagResult, ThemeTagger } from './types';

/**
 * Classifier score from which a theme is tagged without a keyword. Picked by cross-validation
 * on the catalogue examples (see tests/core/themes/evaluation.test.ts for the held-out figures).
 */
export const CLASSIFIER_THRESHOLD = 0.5;

interface LanguageModel {
  keywords: KeywordMatcher;
  classifier: ThemeClassifier;
  sentiment: SentimentScorer;
}

/**
 * Builds the tagger and trains it on the catalogue (well under two seconds). Keyword rules
 * catch the plain cases, the NLP.js neural classifier the paraphrases; a text gets every
 * theme either of them finds, in catalogue order.
 */
export function createThemeTagger(catalogue: Catalogue, opts: { threshold?: number } = {}): ThemeTagger {
  const threshold = opts.threshold ?? CLASSIFIER_THRESHOLD;
  const order = new Map(catalogue.themes.map((t, i) => [t.id, i]));
  const models = {} as Record<Locale, LanguageModel>;
  for (const lang of LOCALES) {
    models[lang] = {
      keywords: compileKeywords(catalogue, lang),
      classifier: trainClassifier(catalogue, lang),
      sentiment: createSentimentScorer(lang),
    };
  }
  return {
    tag(text: string, lang: Locale): TagResult {
      const used = effectiveLanguage(text, lang);
      const model = models[used];
      const a = analyse(text, used);
      const themes = model.keywords.match(a);
      for (const [theme, score] of model.classifier.scores(a)) if (score >= threshold) themes.add(theme);
      const sorted: ThemeId[] = [...themes].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
      return { themes: sorted, sentiment: model.sentiment.sentiment(a) };
    },
  };
}
