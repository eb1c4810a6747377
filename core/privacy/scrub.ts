import { findAddresses, findPostcodes } from './detectors/address';
import { findBirthdates } from './detectors/birthdate';
import { findEmails } from './detectors/email';
import { findHandles } from './detectors/handles';
import { findIbans } from './detectors/iban';
import { findNames } from './detectors/names';
import { findNumbers } from './detectors/numbers';
import { findSpelledEmails } from './detectors/spelledEmail';
import { findUrls } from './detectors/url';
import type { Detector, PiiSpan } from './span';

export { truncateText } from './truncate';

export type PiiKind = 'email' | 'spelled-email' | 'handle' | 'phone' | 'bsn' | 'rrn' | 'iban' | 'url' | 'birthdate' | 'address' | 'postcode' | 'name';

/** Order of trust: when two findings overlap, the earlier kind wins (an e-mail address contains a domain). */
const KINDS: readonly PiiKind[] = ['email', 'spelled-email', 'url', 'handle', 'iban', 'rrn', 'bsn', 'phone', 'birthdate', 'address', 'postcode', 'name'];
const RANK = new Map(KINDS.map((k, i) => [k, i]));
const DETECTORS: readonly Detector[] = [findEmails, findSpelledEmails, findUrls, findHandles, findIbans, findNumbers, findBirthdates, findAddresses, findPostcodes, findNames];

interface Range {
  start: number;
  end: number;
}

const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

/** Placeholders already in the text (a second scrub, a quoted digest) are left exactly as they are. */
function placeholderRanges(text: string, placeholder: (kind: PiiKind) => string): Range[] {
  const ranges: Range[] = [];
  for (const kind of KINDS) {
    const p = placeholder(kind);
    if (!p) continue;
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + p.length)) ranges.push({ start: at, end: at + p.length });
  }
  return ranges;
}

/**
 * Replaces personal data in free text (e-mail, also spelled out in words, social media handles,
 * phone, BSN, rijksregisternummer, IBAN, links, birth dates, addresses, postcodes, names) with a placeholder per kind. Returns the kinds found, in a fixed order.
 */
export function scrubText(text: string, placeholder: (kind: PiiKind) => string): { text: string; kinds: PiiKind[] } {
  const kept: Range[] = placeholderRanges(text, placeholder);
  const found: PiiSpan[] = DETECTORS.flatMap((detect) => detect(text));
  found.sort((a, b) => RANK.get(a.kind)! - RANK.get(b.kind)! || a.start - b.start || b.end - a.end);
  const accepted: PiiSpan[] = [];
  for (const span of found) {
    if (span.end <= span.start) continue;
    if (kept.some((r) => overlaps(r, span)) || accepted.some((r) => overlaps(r, span))) continue;
    accepted.push(span);
  }
  if (accepted.length === 0) return { text, kinds: [] };
  accepted.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of accepted) {
    out += text.slice(at, span.start) + placeholder(span.kind);
    at = span.end;
  }
  out += text.slice(at);
  const present = new Set(accepted.map((s) => s.kind));
  return { text: out, kinds: KINDS.filter((k) => present.has(k)) };
}
