import type { Locale, Sentiment, ThemeId } from '../types';

export interface TagResult {
  /** Themes the text carries strong evidence for, in catalogue order. */
  themes: ThemeId[];
  sentiment: Sentiment;
  /**
   * At most two themes the text is most likely about, best first, for the participant to confirm:
   * the strongest tagged themes, or a tagged one and a near miss. Empty when no theme is tagged.
   */
  guesses: ThemeId[];
}

/** Tags free text with catalogue themes and a sentiment. Synchronous: it runs inside a turn. */
export interface ThemeTagger {
  tag(text: string, lang: Locale): TagResult;
}
