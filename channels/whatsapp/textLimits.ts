/**
 * WhatsApp's field limits, measured in UTF-16 code units (JavaScript's length): that never
 * undercounts what Meta counts, so a value within our limit is within theirs. Cuts never split
 * a surrogate pair, so an emoji is kept whole or dropped, never broken.
 */

/** The reference disagrees on 1024 vs 4096 for text bodies; 1024 is safe everywhere. */
export const MAX_BODY = 1024;
export const MAX_BUTTON_TITLE = 20;
export const MAX_BUTTON_ID = 256;
export const MAX_BUTTONS = 3;
export const MAX_LIST_ROWS = 10;
export const MAX_ROW_TITLE = 24;
export const MAX_ROW_DESCRIPTION = 72;
export const MAX_ROW_ID = 200;
export const MAX_LIST_BUTTON = 20;

const ELLIPSIS = '…';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The longest prefix of at most `max` code units that ends on a code point boundary. */
function safePrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Cuts to `max` code units with an ellipsis when anything was cut. */
export function truncate(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  return safePrefix(trimmed, max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}

/**
 * Titles cut to `max` and made unique, as WhatsApp requires for reply buttons and list rows:
 * a repeated title gets " 2", " 3" … inside the limit.
 */
export function uniqueTitles(titles: readonly string[], max: number): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    let candidate = truncate(title, max) || '-';
    for (let n = 2; used.has(candidate); n++) {
      const suffix = ` ${n}`;
      candidate = truncate(title, max - suffix.length) + suffix;
    }
    used.add(candidate);
    return candidate;
  });
}

/** Where to cut a too-long text, preferring paragraph, then line, sentence, then word breaks. */
function breakPoint(text: string, max: number): number {
  const window = safePrefix(text, max);
  const minimum = Math.floor(max / 2);
  for (const pattern of [/\n\s*\n/g, /\n/g, /[.!?…](\s)/g, /\s/g]) {
    let best = -1;
    for (const m of window.matchAll(pattern)) {
      const at = m.index! + m[0].length - (m[1] !== undefined ? m[1].length : 0);
      if (at >= minimum) best = at;
    }
    if (best > 0) return best;
  }
  return window.length;
}

/** Splits a text into parts of at most `max` code units, on natural breaks where possible. */
export function splitText(text: string, max = MAX_BODY): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const at = breakPoint(rest, max);
    const part = rest.slice(0, at).trim();
    if (part) parts.push(part);
    rest = rest.slice(at).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}
