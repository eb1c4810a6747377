const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/**
 * Brings chat text to the form the lexicon is written in: lower case, no accents, no
 * apostrophes ("i'm" → "im", "m'n" → "mn", "'k" → "ik"), punctuation as spaces, digits
 * used as letters read as letters ("su1c1de"), and long letter runs squeezed ("dooood" → "dood").
 * The result starts and ends with a space.
 */
export function normalizeForSignals(text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => {
      if (w === 'k') return 'ik';
      const letters = w.replace(/[^a-z]/g, '').length;
      if (letters >= 2 && letters < w.length) w = w.replace(/[013457]/g, (d) => LEET[d]);
      return w.replace(/([a-z])\1{2,}/g, '$1$1');
    });
  return ` ${words.join(' ')} `;
}
