import type { Locale, Sentiment, ThemeId } from '../types';

export interface TagResult {
  themes: ThemeId[];
  sentiment: Sentiment;
}

/** Tags free text with catalogue themes and a sentiment. Synchronous: it runs inside a turn. */
export interface ThemeTagger {
  tag(text: string, lang: Locale): TagResult;
}
