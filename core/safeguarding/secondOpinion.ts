import type { DangerDetector } from './detector';
import type { LearnedModel } from './learnedModel';
import { wordsOf } from './normalize';

/** Below this many words ("ja", "4", "stop") the model only knows how common danger was in its examples: it keeps quiet. */
const MIN_WORDS = 3;

/**
 * How sure the learned model must be before it raises the alarm on its own when the rules see
 * nothing: chosen by cross-validation on the training messages so that the model adds recall
 * without pushing false alarms on near-misses above a few percent (docs/privacy-scrubbing-and-safeguarding.md).
 */
export const MODEL_THRESHOLD = 0.8;

/**
 * The word-list rules with a learned second opinion: a message is flagged when the rules OR the
 * model say so. The rules explain themselves and take an organisation's own words; the model
 * catches wordings nobody put in a list. It keeps quiet where the rules see a joke, a school
 * or news topic or something that is over: those exclusions are the rules' strength.
 */
export function withSecondOpinion(rules: DangerDetector, model: LearnedModel, threshold = MODEL_THRESHOLD): DangerDetector {
  return {
    detect(text) {
      const { flagged, categories, excused } = rules.detect(text);
      if (flagged || excused || wordsOf(text).length < MIN_WORDS) return { flagged, categories };
      const opinion = model.opinion(text);
      return opinion.danger >= threshold ? { flagged: true, categories: [opinion.category] } : { flagged, categories };
    },
    explain(text) {
      const why = rules.explain(text);
      const opinion = model.opinion(text);
      why.push(`learned model: ${(opinion.danger * 100).toFixed(0)}% danger (${opinion.category}); it flags from ${(threshold * 100).toFixed(0)}%`);
      return why;
    },
  };
}
