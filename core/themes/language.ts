import { StemmerEn, StopwordsEn, TokenizerEn } from '@nlpjs/lang-en';
import { StemmerNl, StopwordsNl, TokenizerNl } from '@nlpjs/lang-nl';
import type { Locale } from '../types';

/** One text split into words, each with its NLP.js stem and whether it carries content. */
export interface Analysis {
  lang: Locale;
  /** Lower-cased words without accents, in order; emoji become "emopos" / "emoneg" / "emosarc". */
  words: string[];
  stems: string[];
  /** false for stopwords, digits-only words and single letters. */
  content: boolean[];
  /** true where a new sentence or comma-separated part starts. */
  clauseStart: boolean[];
}

// NLP.js's stopword lists are short (and nl's has a "je " typo); chat filler would otherwise look like topics.
const EXTRA_STOPWORDS: Record<Locale, readonly string[]> = {
  nl: [
    'je', 'jij', 'jou', 'jouw', 'jullie', 'hun', 'hen', 'mn', 'me', 'mijn', 'onze', 'zn', 'zijn', 'wordt', 'werden',
    'ben', 'bent', 'was', 'waren', 'heel', 'erg', 'echt', 'gewoon', 'soms', 'even', 'wel', 'nog', 'al', 'ook',
    'eigenlijk', 'beetje', 'best', 'zeer', 'nu', 'dan', 'dus', 'toch', 'of', 'want', 'als', 'hadden', 'had',
    'heb', 'hebt', 'gaat', 'ging', 'gaan', 'kan', 'kunnen', 'kon', 'konden', 'zou', 'zouden', 'moet', 'moeten',
    'moest', 'mag', 'mocht', 'wil', 'wilde', 'willen', 'doet', 'deed', 'gedaan', 'word', 'wij', 'ze', 'zij', 'hij',
    'zo', 'die', 'dat', 'dit', 'deze', 'daar', 'daarna', 'hier', 'waar', 'wanneer', 'alles', 'iets', 'niets',
    'iemand', 'mensen', 'keer', 'mee', 'ermee', 'erover', 'eruit', 'ok', 'oke', 'okay', 'ja', 'nee', 'haha',
    'jaa', 'gwn', 'idd', 'ff', 'ik', 'u', 'uw', 'ge', 'gij', 'da', 'ni', 'nie', 'ne', 'ons', 'onze', 'elke',
    'elk', 'alle', 'veel', 'meer', 'meeste', 'weer', 'opnieuw', 'altijd', 'nooit', 'zelfs', 'allemaal', 'vaak',
    'waardoor', 'omdat', 'terwijl', 'zodat', 'maar', 'en', 'of', 'met', 'mij', 'hem', 'haar', 'er', 'het', 'de',
    'een', 'in', 'op', 'aan', 'van', 'voor', 'naar', 'bij', 'uit', 'over', 'tot', 'om', 'te', 'door', 'tegen',
  ],
  en: [
    'i', 'im', 'ive', 'id', 'me', 'my', 'mine', 'us', 'our', 'they', 'them', 'their', 'it', 'its', 'is', 'was',
    'were', 'be', 'been', 'am', 'are', 'really', 'just', 'so', 'very', 'quite', 'bit', 'lot', 'lots', 'also',
    'even', 'always', 'never', 'sometimes', 'often', 'again', 'actually', 'ok', 'okay', 'yeah', 'yes', 'lol',
    'tbh', 'idk', 'kinda', 'gonna', 'wanna', 'got', 'get', 'gets', 'did', 'does', 'do', 'done', 'had', 'has',
    'have', 'can', 'could', 'would', 'should', 'will', 'thing', 'things', 'people', 'someone', 'something',
    'anything', 'everything', 'nothing', 'every', 'one', 'ones', 'which', 'who', 'what', 'when', 'then',
    'there', 'here', 'this', 'that', 'these', 'those', 'he', 'she', 'his', 'her', 'him', 'you', 'your', 'we',
    'the', 'a', 'an', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'about',
    'because', 'while', 'though', 'although', 'still', 'time', 'times', 'much', 'many', 'more', 'most',
  ],
};

// Emoji carry sentiment in chat; turn the common ones into words before the tokenizer drops them.
const POSITIVE_EMOJI = /[\u{1F600}-\u{1F60D}\u{1F642}\u{1F970}\u{1F917}\u{1F44D}\u{1F4AA}\u{1F64F}\u2764\u2665\u{1F499}\u{1F49A}\u{1F49B}\u{1F49C}\u263A]/gu;
const NEGATIVE_EMOJI = /[\u{1F620}-\u{1F62D}\u{1F61E}\u{1F61F}\u{1F641}\u2639\u{1F44E}\u{1F494}\u{1F613}\u{1F614}\u{1F615}\u{1F616}\u{1F92C}]/gu;
// An eye-roll or unamused face after praise means the opposite ("super geregeld 🙄").
const SARCASM_EMOJI = /[\u{1F644}\u{1F612}]/gu;

export const EMOJI_WORDS: ReadonlySet<string> = new Set(['emopos', 'emoneg', 'emosarc']);

interface Tools {
  stemmer: StemmerNl | StemmerEn;
  tokenizer: TokenizerNl | TokenizerEn;
  stopwords: Set<string>;
  /** word → stem; NLP.js keeps its own cache too, this one skips its key building and lookups. */
  stemCache: Map<string, string>;
}

// Typos and once-only words keep arriving in a long-running bot; start afresh rather than grow for ever.
const STEM_CACHE_LIMIT = 50_000;

function buildTools(lang: Locale): Tools {
  const stemmer = lang === 'nl' ? new StemmerNl() : new StemmerEn();
  const tokenizer = lang === 'nl' ? new TokenizerNl() : new TokenizerEn();
  const base = lang === 'nl' ? new StopwordsNl() : new StopwordsEn();
  const stopwords = new Set<string>([...EXTRA_STOPWORDS[lang], ...nlpjsStopwords(base)]);
  return { stemmer, tokenizer, stopwords, stemCache: new Map() };
}

function nlpjsStopwords(base: StopwordsNl | StopwordsEn): string[] {
  const dictionary = (base as unknown as { dictionary?: Record<string, boolean> }).dictionary ?? {};
  return Object.keys(dictionary).map((w) => w.trim()).filter((w) => w.length > 0);
}

const tools: Partial<Record<Locale, Tools>> = {};

function toolsFor(lang: Locale): Tools {
  let t = tools[lang];
  if (!t) {
    t = buildTools(lang);
    tools[lang] = t;
  }
  return t;
}

/** Lower case, no accents, emoji as words, so "Té lang 😡" and "te lang" look the same. */
export function normalizeText(text: string): string {
  return text
    .replace(SARCASM_EMOJI, ' emosarc ')
    .replace(POSITIVE_EMOJI, ' emopos ')
    .replace(NEGATIVE_EMOJI, ' emoneg ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

export function stemWord(word: string, lang: Locale): string {
  const t = toolsFor(lang);
  let stem = t.stemCache.get(word);
  if (stem === undefined) {
    stem = EMOJI_WORDS.has(word) ? word : t.stemmer.stemWord(word);
    if (t.stemCache.size >= STEM_CACHE_LIMIT) {
      t.stemCache.clear();
      // NLP.js's stemmer keeps its own unbounded cache; let it go at the same moment.
      (t.stemmer as unknown as { cache: Record<string, string> }).cache = {};
    }
    t.stemCache.set(word, stem);
  }
  return stem;
}

function tokenize(normalized: string, lang: Locale): string[] {
  return toolsFor(lang)
    .tokenizer.innerTokenize(normalized)
    .map((w) => w.replace(/^[-']+|[-']+$/g, ''))
    .filter((w) => w.length > 0);
}

const NOT_A_WORD_CHARACTER = /[^a-z0-9'\-\s.,!?;:()[\]"/]/g;
const CLAUSE_BREAK = /[.!?;,:()\n]+|\s-+\s/;

/** Words of a text after normalisation, split by the NLP.js tokenizer of the language. */
export function wordsOf(text: string, lang: Locale): string[] {
  return tokenize(normalizeText(text).replace(NOT_A_WORD_CHARACTER, ' '), lang);
}

export function analyse(text: string, lang: Locale): Analysis {
  const t = toolsFor(lang);
  const words: string[] = [];
  const clauseStart: boolean[] = [];
  for (const clause of normalizeText(text).replace(NOT_A_WORD_CHARACTER, ' ').split(CLAUSE_BREAK)) {
    const clauseWords = tokenize(clause, lang);
    for (let i = 0; i < clauseWords.length; i += 1) {
      words.push(clauseWords[i]!);
      clauseStart.push(i === 0);
    }
  }
  const stems = new Array<string>(words.length);
  const content = new Array<boolean>(words.length);
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!;
    stems[i] = stemWord(w, lang);
    content[i] = w.length > 1 && !t.stopwords.has(w) && !/^[0-9]+$/.test(w) && !EMOJI_WORDS.has(w);
  }
  return { lang, words, stems, content, clauseStart };
}

/**
 * The language a text is written in: the user's locale unless the other language's
 * function words clearly dominate (a Dutch-speaking parent who answers in English).
 */
export function effectiveLanguage(text: string, lang: Locale): Locale {
  const other: Locale = lang === 'nl' ? 'en' : 'nl';
  const words = normalizeText(text).split(/[^a-z']+/);
  let own = 0;
  let foreign = 0;
  for (const w of words) {
    if (!w) continue;
    if (MARKERS[lang].has(w)) own += 1;
    if (MARKERS[other].has(w)) foreign += 1;
  }
  return foreign >= 2 && foreign > own * 2 ? other : lang;
}

// Frequent function words that exist in one language only ("de", "in", "is", "was", "we" are left out on purpose).
const MARKERS: Record<Locale, Set<string>> = {
  nl: new Set(['het', 'een', 'ik', 'niet', 'maar', 'wel', 'geen', 'mijn', 'voor', 'naar', 'zijn', 'heb', 'heeft', 'ze', 'je', 'dat', 'wat', 'ook', 'nog', 'bij', 'van', 'met', 'er', 'te', 'echt', 'hij', 'zij', 'wij', 'en', 'deze', 'heel', 'weer']),
  en: new Set(['the', 'a', 'i', 'not', 'but', 'my', 'for', 'to', 'they', 'she', 'he', 'it', 'and', 'of', 'with', 'have', 'has', 'that', 'what', 'too', 'really', 'never', 'no', 'at', 'you', 'our', 'were', 'this', 'very']),
};
