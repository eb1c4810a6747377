import type { Locale } from './types';

/** The privacy or terms page in a language: what the welcome text and the Teams manifest link to. */
export function legalPageUrl(baseUrl: string, page: 'privacy' | 'terms', lng: Locale): string {
  return `${baseUrl.replace(/\/+$/, '')}/${page}?lang=${lng}`;
}
