import type { PiiSpan } from '../span';

// Bare domains only with a known, lower-case top-level domain, so "goed.De wachtlijst" stays.
const TLDS = [
  'nl', 'be', 'com', 'org', 'net', 'eu', 'info', 'io', 'nu', 'de', 'fr', 'uk', 'co', 'app', 'dev', 'tv', 'biz',
  'online', 'site', 'shop', 'xyz', 'gov', 'edu', 'frl', 'amsterdam', 'brussels', 'vlaanderen', 'gent', 'ly', 'gl', 'gg',
];
const SCHEME = /(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
const BARE = new RegExp(
  `(?<![\\p{L}\\p{N}@._-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:${TLDS.join('|')})(?![\\p{L}\\p{N}-])(?:[/?#][^\\s<>"'\`]*)?`,
  'gu',
);
const TRAILING = /[.,;:!?)\]}'"]+$/u;

export function findUrls(text: string): PiiSpan[] {
  if (!text.includes('.')) return [];
  const spans: PiiSpan[] = [];
  for (const re of [SCHEME, BARE]) {
    for (const m of text.matchAll(re)) {
      const trimmed = m[0].replace(TRAILING, '');
      if (trimmed.length > 0) spans.push({ start: m.index, end: m.index + trimmed.length, kind: 'url' });
    }
  }
  return spans;
}
