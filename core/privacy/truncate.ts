// A cut may land inside an emoji sequence; never leave a dangling joiner or variation selector.
const DANGLING = /[\u200d\ufe0e\ufe0f]+$/u;

/** Keeps at most `max` characters (code points), cutting at a word boundary where that loses little. */
export function truncateText(text: string, max: number): { text: string; truncated: boolean } {
  const chars = Array.from(text);
  if (chars.length <= max) return { text, truncated: false };
  const head = chars.slice(0, Math.max(0, max)).join('');
  const boundary = head.search(/\s\S*$/u);
  // Only back off to the last space when that keeps most of the text (one very long word is cut as is).
  const cut = boundary >= head.length * 0.6 ? head.slice(0, boundary) : head;
  return { text: cut.trimEnd().replace(DANGLING, ''), truncated: true };
}
