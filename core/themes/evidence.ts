import type { Locale, Sentiment, ThemeId } from '../types';
import { OFF_TOPIC } from './classifier';
import { compileKeywords } from './keywordRules';
import { type Analysis, analyse } from './language';
import { type LabelledText, trainMultiLabel } from './multiLabel';
import type { TrainingData } from './trainingData';

/**
 * What speaks for one theme in one text: the multi-label model's probability and the keyword rules.
 * A hint is a keyword that points to a theme but also turns up elsewhere ("school", "plan"),
 * so it only counts together with the model.
 */
export interface ThemeEvidence {
  classifier: number;
  keyword: boolean;
  hint: boolean;
}

export interface EvidenceModel {
  evidence(a: Analysis): Map<ThemeId, ThemeEvidence>;
  /** Probability per sentiment class learned from labelled statements; empty without such material. */
  sentiment(a: Analysis): Map<Sentiment, number>;
}

/**
 * Short one-theme examples teach vocabulary but are not what people write at length; the long
 * labelled statements (written and published) say how themes combine, so they count fully.
 */
export const EXAMPLE_WEIGHT = { value: 0.5 };

/** Trains the multi-label model and compiles the keywords of one language. */
export function buildEvidenceModel(data: TrainingData, lang: Locale): EvidenceModel {
  const keywords = compileKeywords(data, lang);
  const items: LabelledText[] = [];
  for (const [theme, examples] of data.examples[lang]) for (const text of examples) items.push({ analysis: analyse(text, lang), themes: [theme], weight: EXAMPLE_WEIGHT.value });
  for (const e of data.learned) if (e.lang === lang) items.push({ analysis: analyse(e.text, lang), themes: e.themes, sentiment: e.sentiment, weight: 1 });
  // Answers about nothing in particular teach every theme that chat words and bare praise are no evidence.
  for (const text of OFF_TOPIC[lang]) items.push({ analysis: analyse(text, lang), themes: [], weight: EXAMPLE_WEIGHT.value });
  const model = trainMultiLabel(items, [...data.examples[lang].keys()]);
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
      for (const [theme, score] of model.themeScores(a)) get(theme).classifier = score;
      const { strong, hints } = keywords.match(a);
      for (const theme of strong) get(theme).keyword = true;
      for (const theme of hints) get(theme).hint = true;
      return result;
    },
    sentiment: (a) => model.sentimentScores(a),
  };
}

/** How much a keyword and a hint add to the model's probability before the theme's threshold. */
export const EVIDENCE_WEIGHTS = { keyword: 0.3, hint: 0.1 };

export function combinedScore(e: ThemeEvidence): number {
  return e.classifier + (e.keyword ? EVIDENCE_WEIGHTS.keyword : e.hint ? EVIDENCE_WEIGHTS.hint : 0);
}
