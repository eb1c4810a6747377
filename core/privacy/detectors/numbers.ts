import { isValidBsn, isValidRrn } from '../checksums';
import type { PiiSpan } from '../span';

type NumberKind = 'phone' | 'bsn' | 'rrn';

// Digit groups joined by the separators people put in phone numbers and ids.
const CANDIDATE = /(?<![\p{L}\p{N}])(?:\+\s?|\(\s?)?\d(?:[ .\-/–()\u00a0]{1,3}\d|\d)*\)?/gu;
const GROUP = /\d+/g;
const SERVICE_PREFIXES = ['0800', '0900', '0906', '0909'];

interface Group {
  start: number;
  end: number;
  digits: string;
}

function classifyInternational(rest: string): NumberKind | null {
  const national = (cc: string): string => {
    const tail = rest.slice(cc.length);
    return tail.startsWith('0') ? tail.slice(1) : tail;
  };
  if (rest.startsWith('31')) return national('31').length === 9 ? 'phone' : null;
  if (rest.startsWith('32')) return [8, 9].includes(national('32').length) ? 'phone' : null;
  return rest.length >= 8 && rest.length <= 15 ? 'phone' : null;
}

function classify(groups: Group[], plus: boolean): NumberKind | null {
  const digits = groups.map((g) => g.digits).join('');
  if (plus) return classifyInternational(digits);
  if (digits.startsWith('00')) return classifyInternational(digits.slice(2));
  const idShaped = groups.every((g) => g.digits.length >= 2);
  if (digits.length === 11 && idShaped && isValidRrn(digits)) return 'rrn';
  const bsnShaped = digits.length === 9 ? idShaped : digits.length === 8 && groups.length === 1;
  if (bsnShaped && isValidBsn(digits)) return 'bsn';
  if (digits.startsWith('0')) {
    // NL numbers have 10 digits, BE landlines 9, BE mobiles 10; 0800/0900 lines are shorter.
    if (digits.length === 9 || digits.length === 10) return 'phone';
    if (SERVICE_PREFIXES.some((p) => digits.startsWith(p)) && digits.length >= 8 && digits.length <= 11) return 'phone';
  }
  return null;
}

/** Phone numbers (NL, BE, international), BSNs that pass the 11-test and valid rijksregisternummers. */
export function findNumbers(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0];
    const groups: Group[] = [];
    for (const g of raw.matchAll(GROUP)) {
      groups.push({ start: m.index + g.index, end: m.index + g.index + g[0].length, digits: g[0] });
    }
    const plus = raw.startsWith('+');
    // One run may hold several numbers ("06 12345678 020 7654321"); split it only where people
    // put a space, since dots and dashes bind the parts of one number ("85.07.30-033.29" stays whole).
    const cuttable = (k: number): boolean => k === 0 || k === groups.length || /\s/.test(text.slice(groups[k - 1].end, groups[k].start));
    const longestFrom = (from: number): { to: number; kind: NumberKind } | null => {
      if (!cuttable(from)) return null;
      for (let to = Math.min(groups.length, from + 8); to > from; to--) {
        const kind = cuttable(to) ? classify(groups.slice(from, to), plus && from === 0) : null;
        if (kind) return { to, kind };
      }
      return null;
    };
    for (let from = 0; from < groups.length; ) {
      const found = longestFrom(from);
      if (!found) {
        from += 1;
        continue;
      }
      const { to, kind } = found;
      let start = groups[from].start;
      let end = groups[to - 1].end;
      const opened = from === 0 && raw.startsWith('(');
      if (from === 0 && (plus || (opened && text.slice(m.index, end).includes(')')))) start = m.index;
      const inside = text.slice(start, end);
      if (text[end] === ')' && inside.split('(').length > inside.split(')').length) end += 1;
      spans.push({ start, end, kind });
      from = to;
    }
  }
  return spans;
}
