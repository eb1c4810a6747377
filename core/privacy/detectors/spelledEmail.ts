import type { PiiSpan } from '../span';

// "piet punt jansen at hotmail punt nl", "zoe underscore smit at yahoo dot com": an address
// written out in words so that a filter misses it. The domain must end in a known top-level
// domain, so "I was at school" never becomes an address.
const PART = '[\\p{L}\\p{N}_%+-]+';
/** A part may carry surname particles: "lotte punt de vries at gmail punt com". */
const LOCAL_PART = `(?:(?:de|van|der|den|ter|ten|el|al|le|la|du|da|di|von|mc)\\s+)*${PART}`;
const JOIN = '(?:punt|dot|point|underscore|liggend\\s+streepje|streepje|dash|minus|min|[._-])';
const TLD = '(?:nl|be|com|org|net|eu|nu|info|io|me|de|fr|uk|co|live|online|app)';
const SPELLED = new RegExp(
  `(?<![\\p{L}\\p{N}])${PART}(?:\\s*${JOIN}\\s*${LOCAL_PART})*\\s*(?:\\bat\\b|apenstaartje|@|\\(at\\)|\\[at\\])\\s*${PART}(?:\\s*(?:punt|dot|point|\\.|\\(dot\\)|\\[dot\\]|\\(punt\\))\\s*${PART})*\\s*(?:punt|dot|point|\\.|\\(dot\\)|\\[dot\\]|\\(punt\\))\\s*${TLD}(?![\\p{L}\\p{N}])`,
  'giu',
);
const HINT = /\b(?:at|apenstaartje)\b|\((?:at)\)|\[at\]/i;

export function findSpelledEmails(text: string): PiiSpan[] {
  if (!HINT.test(text)) return [];
  return [...text.matchAll(SPELLED)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'spelled-email' as const }));
}
