import { isValidIban } from '../checksums';
import type { PiiSpan } from '../span';

// Country code and check digits, then up to 30 characters, optionally grouped by spaces.
const CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}/gu;

/**
 * The candidate may run into the next word ("NL91 ABNA 0417 1643 00 is"), so try every
 * word boundary inside it, longest first, and keep the first that passes mod 97.
 */
export function findIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const re = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    let validEnd = 0;
    for (let end = raw.length; end >= 15 && validEnd === 0; end--) {
      const next = raw[end];
      if (next !== undefined && next !== ' ') continue;
      if (isValidIban(raw.slice(0, end).replace(/ /g, ''))) validEnd = end;
    }
    if (validEnd > 0) spans.push({ start: m.index, end: m.index + validEnd, kind: 'iban' });
    // Resume right after what was used, so an IBAN swallowed by the previous candidate is still seen.
    const space = raw.indexOf(' ');
    re.lastIndex = m.index + (validEnd || (space > 0 ? space : raw.length));
  }
  return spans;
}
