import { scrubText, truncateText } from '../privacy/scrub';
import { detectSignals, type DangerDetector, type SignalCategory } from '../safeguarding/detect';
import type { ThemeTagger } from '../themes/types';
import type { Locale, Sentiment, ThemeId } from '../types';

export interface FreeTextOptions {
  maxLength: number;
  locale: Locale;
  tagger: ThemeTagger;
  /** The project's danger check (built-in word lists plus the organisation's); default: the built-in lists. */
  detector?: DangerDetector;
  /** Placeholder for a scrubbed kind of personal data, e.g. "[telefoon]". */
  placeholder: (kind: string) => string;
}

/** Free text as it may be stored and shown: cut, scrubbed, checked and tagged. */
export interface PreparedText {
  text: string;
  truncated: boolean;
  flagged: boolean;
  /** What the danger signal was about (empty when not flagged); for the alert, never stored. */
  categories: SignalCategory[];
  themes: ThemeId[];
  sentiment: Sentiment;
  /** The themes to offer the participant for confirmation (see TagResult.guesses). */
  guesses: ThemeId[];
}

/**
 * Cuts first (a 100 KB paste must not cost a turn), checks for danger on the unscrubbed text
 * (a placeholder could break a phrase apart), and tags the scrubbed text, which is what is kept.
 */
export function prepareFreeText(raw: string, options: FreeTextOptions): PreparedText {
  const cut = truncateText(raw.trim(), options.maxLength);
  const signals = detectSignals(cut.text, options.detector);
  const scrubbed = scrubText(cut.text, options.placeholder);
  const tags = options.tagger.tag(scrubbed.text, options.locale);
  return {
    text: scrubbed.text,
    truncated: cut.truncated,
    flagged: signals.flagged,
    categories: signals.categories,
    themes: tags.themes,
    sentiment: tags.sentiment,
    guesses: tags.guesses,
  };
}
