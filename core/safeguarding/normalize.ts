const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Laughing and joking emoji, read as the word "lol" (a joke marker in the lexicon). */
const JOKE_EMOJI = /[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F61C}\u{1F61D}\u{1F61B}\u{1F643}\u{1F639}\u{1F480}\u{1F921}\u{1F60F}\u{1F609}\u{1F92A}\u{1F601}\u{1F604}\u{1F603}\u{1F600}\u{1F60B}]/gu;
/** Sentence ends: a combination of concepts only counts within one sentence. */
const SENTENCE_END = /[.!?;:\n\r…]+|\s[-–—]\s/;

/**
 * Splits a message into sentences of normalised words: lower case, no accents, no apostrophes
 * ("i'm" → "im", "m'n" → "mn", "'k" → "k"), digits used as letters read as letters
 * ("su1c1de"), and letter runs of three or more squeezed to two ("dooood" → "dood").
 */
export function sentencesOf(text: string): string[][] {
  const out: string[][] = [];
  for (const part of text.replace(JOKE_EMOJI, ' lol ').split(SENTENCE_END)) {
    const words = wordsOf(part);
    if (words.length) out.push(words);
  }
  return out;
}

export function wordsOf(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9@$]+/g, ' ')
    .trim();
  if (!cleaned) return [];
  const words: string[] = [];
  for (let w of cleaned.split(' ')) {
    const letters = w.replace(/[^a-z]/g, '').length;
    if (letters >= 2 && letters < w.length) w = w.replace(/[013457@$]/g, (d) => LEET[d] ?? d);
    w = w.replace(/[@$]/g, '').replace(/([a-z])\1{2,}/g, '$1$1');
    if (w) words.push(w);
  }
  return words;
}

/**
 * The sound of a word as chat spells it: doubled letters once, "ij" and "ei" alike, a final d
 * or dt as t ("zelfmort" = "zelfmoord", "dod" = "dood", "wort" = "wordt"). Stems keep their
 * final d (they are not the end of a word).
 */
export function soundKey(word: string, wordEnd = true): string {
  let k = word.replace(/ij|ei/g, 'y').replace(/([a-z])\1+/g, '$1');
  if (wordEnd) k = k.replace(/dt$|d$/, 't');
  return k;
}
