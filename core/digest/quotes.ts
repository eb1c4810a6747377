import type { ResponseRecord, ThemeId } from '../types';
import type { Quote } from './types';

/** A quote reads best between these lengths; shorter says little, longer crowds the card. */
const IDEAL_MIN = 40;
const IDEAL_MAX = 180;
const MIN_LENGTH = 12;
/** Longer quotes are cut at a word boundary. */
export const QUOTE_MAX = 240;
/** Scrubbed personal data shows as "[telefoon]" and the like: such a quote reads worse. */
const PLACEHOLDER = /\[[^\]\s]{2,20}\]/;

function lengthFit(n: number): number {
  if (n >= IDEAL_MIN && n <= IDEAL_MAX) return 1;
  return n < IDEAL_MIN ? n / IDEAL_MIN : IDEAL_MAX / n;
}

export function shorten(text: string, max = QUOTE_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/**
 * Up to `max` representative quotes for a theme: never flagged text, each from a different
 * respondent, preferring recent answers of a readable length, and not an answer already
 * quoted under another theme. The caller only asks for themes that at least k respondents
 * mentioned.
 */
export function pickQuotes(rows: readonly ResponseRecord[], theme: ThemeId, max = 2, alreadyQuoted: Set<string> = new Set()): Quote[] {
  const candidates = rows.filter(
    (r) => r.text !== null && !r.flagged && r.themes.includes(theme) && r.text.trim().length >= MIN_LENGTH,
  );
  if (candidates.length === 0) return [];
  const times = candidates.map((r) => Date.parse(r.createdAt));
  // a loop, not Math.min(...times): a busy week has more candidates than the stack has room for
  let oldest = Infinity;
  let newest = -Infinity;
  for (const t of times) {
    if (t < oldest) oldest = t;
    if (t > newest) newest = t;
  }
  const span = Math.max(1, newest - oldest);
  const scored = candidates
    .map((r, i) => {
      const text = r.text!.trim();
      const recency = (times[i] - oldest) / span;
      const score = 0.6 * lengthFit(text.length) + 0.4 * recency - (PLACEHOLDER.test(text) ? 0.3 : 0);
      return { r, text, score };
    })
    .sort((a, b) => b.score - a.score || a.r.id.localeCompare(b.r.id));
  const quotes: Quote[] = [];
  const used = new Set<string>();
  const seen = new Set<string>();
  for (const { r, text } of scored) {
    if (quotes.length >= max) break;
    const norm = text.toLowerCase();
    if (used.has(r.participant) || seen.has(norm) || alreadyQuoted.has(r.id)) continue;
    used.add(r.participant);
    seen.add(norm);
    alreadyQuoted.add(r.id);
    quotes.push({ text: shorten(text), lang: r.locale });
  }
  return quotes;
}
