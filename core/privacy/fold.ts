const ASCII = /^[\x20-\x7e]*$/;
const MARKS = /\p{M}+/gu;
const SPECIAL: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', '’': "'" };
const SPECIAL_RE = /[ıøłßæœđ’]/g;

/** Lower case without diacritics ("Zoë" → "zoe", "Ayşe" → "ayse"), for word-list look-ups. */
export function fold(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}
