import type { Locale, ThemeId } from '../types';
import { trainClassifier } from './classifier';
import { compileKeywords } from './keywordRules';
import type { Analysis } from './language';
import type { TrainingData } from './trainingData';

/**
 * What speaks for one theme in one text: the classifier's score and the keyword rules.
 * A hint is a keyword that points to a theme but also turns up elsewhere ("school", "plan"),
 * so it only counts together with the classifier.
 */
export interface ThemeEvidence {
  classifier: number;
  keyword: boolean;
  hint: boolean;
}

export interface EvidenceModel {
  evidence(a: Analysis): Map<ThemeId, ThemeEvidence>;
}

/** Trains the classifier and compiles the keywords of one language. */
export function buildEvidenceModel(data: TrainingData, lang: Locale): EvidenceModel {
  const keywords = compileKeywords(data, lang);
  const classifier = trainClassifier(data, lang);
  return {
    evidence(a: Analysis): Map<ThemeId, ThemeEvidence> {
      const result = new Map<ThemeId, ThemeEvidence>();
      const get = (theme: ThemeId) => {
        let e = result.get(theme);
        if (!e) {
          e = { classifier: 0, keyword: false, hint: false };
          result.set(theme, e);
        }
        return e;
      };
      for (const [theme, score] of classifier.scores(a)) get(theme).classifier = score;
      const { strong, hints } = keywords.match(a);
      for (const theme of strong) get(theme).keyword = true;
      for (const theme of hints) get(theme).hint = true;
      return result;
    },
  };
}

/** How much a keyword and a hint add to the classifier's score before the theme's threshold. */
export const KEYWORD_WEIGHT = 0.6;
export const HINT_WEIGHT = 0.25;

export function combinedScore(e: ThemeEvidence): number {
  return e.classifier + (e.keyword ? KEYWORD_WEIGHT : e.hint ? HINT_WEIGHT : 0);
}
