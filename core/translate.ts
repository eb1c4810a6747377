import type { Locale } from './types';

/** A translator bound to one language; keys are "namespace:key.path" (i18next). */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** Builds a translator for any supported language. */
export type TranslatorFactory = (lng: Locale) => Translate;

/** Text that exists in every supported language (data files an organisation edits). */
export type LocalizedText = Record<Locale, string>;
