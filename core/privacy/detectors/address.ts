import placesData from '../wordlists/be-places.json';
import { fold } from '../fold';
import type { PiiSpan } from '../span';

const SUFFIXES = [
  'straat', 'str', 'laan', 'weg', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'steeg', 'hof', 'pad', 'dreef', 'lei',
  'baan', 'markt', 'kaai', 'vest', 'wal', 'allee', 'plantsoen', 'boulevard', 'hoeve', 'burgwal', 'steenweg',
];
// Ordinary compounds that end like a street ("onderweg 2 uur", "op het kerkhof 3 keer").
const NOT_STREETS = new Set([
  'onderweg', 'snelweg', 'terugweg', 'heenweg', 'zijweg', 'autoweg', 'fietspad', 'voetpad', 'zijpad', 'kerkhof',
  'speelplein', 'schoolplein', 'loopbaan', 'ijsbaan', 'renbaan', 'tennisbaan', 'bowlingbaan', 'wachtweg', 'rijbaan',
  'werkweg', 'thuisweg', 'schoolweg', 'bijbaan', 'kinderboerderijhoeve',
]);
const PARTICLE = "(?:van|de|der|den|het|ter|ten|te|'t|la|le|St\\.?|Sint)";
const HOUSE_NUMBER =
  "(?:(?:nr\\.?|nummer|no\\.?)\\s*)?\\d{1,5}(?:\\s?-\\s?\\d{1,4}|[a-zA-Z]{1,3}(?![\\p{L}])|\\s?[A-Z](?![\\p{L}])|\\s?bis(?![\\p{L}]))?(?:\\s*(?:bus|b\\.)\\s*\\d{1,4})?";

/** "straat" → "[sS][tT]..." so the suffix ignores case while the capitalised prefix words do not. */
const anyCase = (word: string): string => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const DUTCH_STYLE = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:\\p{Lu}[\\p{L}'’.-]*\\s+(?:${PARTICLE}\\s+){0,2}){0,3})([\\p{L}'’-]*?(?:${SUFFIXES.map(anyCase).join('|')}))\\.?,?\\s+(${HOUSE_NUMBER})(?![\\p{L}\\p{N}])`,
  'gu',
);
const ENGLISH_STYLE =
  /(?<![\p{L}\p{N}])\d{1,5}[a-zA-Z]?,?\s+(?:(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Close|Way|Court|Place|Crescent|Terrace|Grove|Gardens|Square|Boulevard|Row|Mews|Walk|Hill)|(?:[\p{Ll}'’-]+\s+){1,3}(?:street|road|avenue|lane))(?![\p{L}])/gu;
const FRENCH_STYLE =
  /(?<![\p{L}])(?:Rue|rue|Avenue|Av\.|Boulevard|Bd\.?|Chaussée|Chaussee|Place|Chemin|Quai|Allée|Allee|Impasse|Square|Drève|Route|Clos|Passage)\s+(?:[\p{L}'’.-]+\s+){0,4}?[\p{L}'’-]+,?\s+\d{1,5}[a-zA-Z]?(?![\p{L}\p{N}])/gu;

/** "mijn adres is Kouter 7", "ik woon op Groenplaats 3": after such a cue any capitalised name and a number is an address. */
const AFTER_CUE = new RegExp(
  `(?<![\\p{L}])(?:(?:mijn|ons|my|our|het|the)\\s+(?:adres|address)(?:\\s+is)?\\s*:?|(?:ik\\s+)?(?:woon|wonen|woont|woonde|woonden)\\s+(?:nu\\s+)?(?:op|aan)(?:\\s+de|\\s+het)?|(?:i|we)\\s+live\\s+(?:at|on))\\s+((?:\\p{Lu}[\\p{L}'’.-]*\\s+(?:${PARTICLE}\\s+){0,2}){0,2}\\p{Lu}[\\p{L}'’-]*,?\\s+${HOUSE_NUMBER})(?![\\p{L}\\p{N}])`,
  'giu',
);

const NL_POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\p{L}\p{N}])/gu;
const NOT_POSTCODE_LETTERS = new Set([
  'km', 'kg', 'cm', 'mm', 'ml', 'cl', 'dl', 'mg', 'gb', 'mb', 'kb', 'tb', 'pk', 'kw', 'ct', 'ek', 'wk', 'hd', 'tv', 'ok',
  'pc', 'uk', 'eu', 'st', 'nd', 'rd', 'th', 'pm', 'am', 'mb', 'ms', 'hz', 'ps', 'xl',
]);
const BE_PREFIXED = /(?<![\p{L}\p{N}])(?:B|BE)\s?-\s?[1-9]\d{3}(?![\p{N}])/gu;
const BE_BEFORE_PLACE = /(?<![\p{L}\p{N},.])([1-9]\d{3})\s+(\p{L}[\p{L}'’-]*)/gu;
const AFTER_ADDRESS = /^\s*,?\s*((?:(?:B|BE|NL)\s?-\s?)?[1-9]\d{3}(?:\s?[A-Z]{2})?)(?=\s+\p{Lu}|\s*$|[,.;])/u;
const BE_PLACES = new Set(placesData.places);

function isStreetWord(prefix: string, street: string): boolean {
  const word = fold(street);
  if (NOT_STREETS.has(word)) return false;
  const stem = SUFFIXES.find((s) => word.endsWith(s));
  const head = stem ? word.slice(0, word.length - stem.length) : word;
  // A bare "weg 2" or "pad 3" is only a street when a capitalised name stands before it ("Lange Weg 3").
  if (head.replace(/[^a-z]/g, '').length < 3) return prefix.trim().length > 0;
  return true;
}

export function findAddresses(text: string): PiiSpan[] {
  if (!/\d/.test(text)) return [];
  const spans: PiiSpan[] = [];
  const addAddress = (start: number, end: number): void => {
    spans.push({ start, end, kind: 'address' });
    const after = AFTER_ADDRESS.exec(text.slice(end));
    if (after) {
      const offset = end + after[0].indexOf(after[1]);
      spans.push({ start: offset, end: offset + after[1].length, kind: 'postcode' });
    }
  };
  for (const m of text.matchAll(DUTCH_STYLE)) {
    const [whole, prefix, street] = m;
    if (isStreetWord(prefix, street)) addAddress(m.index, m.index + whole.length);
  }
  for (const re of [ENGLISH_STYLE, FRENCH_STYLE]) {
    for (const m of text.matchAll(re)) addAddress(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(AFTER_CUE)) {
    const start = m.index + m[0].length - m[1]!.length;
    addAddress(start, start + m[1]!.length);
  }
  return spans;
}

export function findPostcodes(text: string): PiiSpan[] {
  if (!/\d{4}/.test(text)) return [];
  const spans: PiiSpan[] = [];
  for (const m of text.matchAll(NL_POSTCODE)) {
    const letters = m[0].replace(/[\d\s]/g, '').toLowerCase();
    if (!NOT_POSTCODE_LETTERS.has(letters)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'postcode' });
  }
  for (const m of text.matchAll(BE_PREFIXED)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'postcode' });
  for (const m of text.matchAll(BE_BEFORE_PLACE)) {
    if (BE_PLACES.has(fold(m[2]))) spans.push({ start: m.index, end: m.index + m[1].length, kind: 'postcode' });
  }
  return spans;
}
