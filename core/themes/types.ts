import type { Locale, Sentiment, ThemeId } from '../types';

export interface TagResult {
  /** Themes the text carries strong evidence for, in catalogue order. */
  themes: ThemeId[];
  sentiment: Sentiment;
  /**
   * At most two themes the text is most likely about, best first, for the participant to confirm:
   * the strongest tagged themes, or a near miss when fewer than two were tagged. Empty when
   * nothing in the text points to a theme at all.
   */
  guesses: ThemeId[];
}

/** Tags free text with catalogue themes and a sentiment. Synchronous: it runs inside a turn. */
export interface ThemeTagger {
  tag(text: string, lang: Locale): TagResult;
}
