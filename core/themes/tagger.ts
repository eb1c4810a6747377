import type { Catalogue } from '../catalogue';
import { LOCALES, type Locale, type ThemeId } from '../types';
import { type EvidenceModel, buildEvidenceModel, combinedScore } from './evidence';
import { analyse, effectiveLanguage } from './language';
import { type SentimentScorer, createSentimentScorer } from './sentiment';
import type { TagResult, ThemeTagger } from './types';

/**
 * Score (classifier plus keyword weight) from which a theme is tagged. Per-theme thresholds
 * fitted by cross-validation never helped on text they were not fitted on, so there is one.
 */
export const CLASSIFIER_THRESHOLD = 0.5;

interface LanguageModel {
  evidence: EvidenceModel;
  sentiment: SentimentScorer;
}

/**
 * Builds the tagger and trains it on the catalogue (well under two seconds). Keyword rules
 * catch the plain cases, the NLP.js neural classifier the paraphrases; their evidence is added
 * up per theme and compared with the threshold (`opts.threshold`, default CLASSIFIER_THRESHOLD).
 */
export function createThemeTagger(catalogue: Catalogue, opts: { threshold?: number } = {}): ThemeTagger {
  const order = new Map(catalogue.themes.map((t, i) => [t.id, i]));
  const threshold = opts.threshold ?? CLASSIFIER_THRESHOLD;
  const models = {} as Record<Locale, LanguageModel>;
  for (const lang of LOCALES) models[lang] = { evidence: buildEvidenceModel(catalogue, lang), sentiment: createSentimentScorer(lang) };
  return {
    tag(text: string, lang: Locale): TagResult {
      const used = effectiveLanguage(text, lang);
      const model = models[used];
      const a = analyse(text, used);
      const themes: ThemeId[] = [];
      for (const [theme, e] of model.evidence.evidence(a)) {
        if (combinedScore(e) >= threshold) themes.push(theme);
      }
      themes.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
      return { themes, sentiment: model.sentiment.sentiment(a, themes.length > 0) };
    },
  };
}
