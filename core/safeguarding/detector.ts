import { SIGNAL_CATEGORIES, type Lexicon, type SignalCategory } from './lexiconSchema';
import { sentencesOf, soundKey } from './normalize';
import { WordMatcher } from './wordMatcher';

export interface DangerResult {
  flagged: boolean;
  categories: SignalCategory[];
  /** The message jokes, is on a topic (school, a book, the news) or looks back on something over: a second opinion keeps quiet. */
  excused?: boolean;
}

export interface DangerDetector {
  detect(text: string): DangerResult;
  /** Why a text is (not) flagged, sentence by sentence: for people who maintain the word lists. */
  explain(text: string): string[];
}

/** The concept whose words keep a sentence on a topic about the writer ("mezelf", "ik ook", "myself"). */
export const ABOUT_ME = 'aboutMe';
/** Words a phrase may skip for one ~ (as in "zie het ~ niet meer zitten"). */
const GAP_WORDS = 3;
/** All words of one rule's match lie within this many words: a run-on message is not one thought. */
const RULE_WINDOW = 16;

type Element = { gap: true } | { end: true } | { gap: false; ids: ReadonlySet<number> };
type Phrase = readonly Element[];
interface Concept {
  words: Set<number>;
  phrases: Phrase[];
  /** The phrases by the word ids their first word may have: a sentence word only tries the phrases it can start. */
  byFirst: Map<number, Phrase[]>;
}

function indexPhrases(c: Concept): Map<number, Phrase[]> {
  const index = new Map<number, Phrase[]>();
  for (const phrase of c.phrases) {
    const first = phrase[0]!;
    // A phrase starts with a word (a list never starts a phrase with ~ or $).
    if (!('ids' in first)) throw new LexiconError(`safeguarding lexicon: a phrase must start with a word`);
    for (const id of first.ids) {
      const list = index.get(id);
      if (list) list.push(phrase);
      else index.set(id, [phrase]);
    }
  }
  return index;
}
interface CompiledRule {
  category: SignalCategory;
  concepts: Concept[];
  none: Concept[];
  names: readonly string[];
  noneNames: readonly string[];
  hyperbole: boolean;
}
/** Where a concept occurs: the words it covers, [start, end), and which of them it matched (not the ones a ~ skipped). */
interface Span {
  start: number;
  end: number;
  words: readonly number[];
}

class LexiconError extends Error {
  override readonly name = 'LexiconError';
}

/** Merges lexicons of one language (the built-in list and an organisation's additions) into one. */
export function mergeLexicons(parts: readonly Lexicon[]): Lexicon {
  const merged: Lexicon = { language: parts[0]?.language ?? 'nl', markers: [], spellings: {}, concepts: {}, rules: [], exclusions: { idioms: [], jokes: [], topics: [], resolved: [], lookalikes: [] } };
  for (const part of parts) {
    merged.markers.push(...part.markers);
    Object.assign(merged.spellings, part.spellings);
    for (const [name, terms] of Object.entries(part.concepts)) merged.concepts[name] = [...(merged.concepts[name] ?? []), ...terms];
    merged.rules.push(...part.rules);
    for (const kind of ['idioms', 'jokes', 'topics', 'resolved', 'lookalikes'] as const) merged.exclusions[kind].push(...part.exclusions[kind]);
  }
  return merged;
}

type Ids = readonly (readonly number[])[];
interface LanguageCheck {
  language: string;
  markers: ReadonlySet<string>;
  /** The words of a sentence as pattern ids, chat spellings read first. */
  read(words: readonly string[]): Ids;
  joking(ids: Ids): boolean;
  /** Reads one sentence; true when an exclusion (a topic, something over) applies to it. */
  check(ids: Ids, joking: boolean, found: Set<SignalCategory>, why?: string[]): boolean;
}

/**
 * The danger check over all languages: each sentence is read with the lists of its language
 * (Dutch with the Flemish additions, or English) or, when its words do not tell, with both: the
 * Dutch "die" (that) must not be read as the English "die".
 */
export function createDangerDetector(lexicons: readonly Lexicon[]): DangerDetector {
  const family = (l: Lexicon) => (l.language === 'en' ? 'en' : 'nl');
  const checks = (['nl', 'en'] as const)
    .map((f) => lexicons.filter((l) => family(l) === f))
    .filter((parts) => parts.length > 0)
    .map((parts) => compileLanguage(mergeLexicons(parts)));
  const run = (text: string, why?: string[]): DangerResult => {
      const sentences = sentencesOf(text).flatMap(windows);
      const score = (c: LanguageCheck, words: readonly string[]) => words.reduce((n, w) => n + (c.markers.has(w) ? 1 : 0), 0);
      const whole = sentences.flat();
      const wholeScores = checks.map((c) => score(c, whole));
      const read = checks.map((c) => sentences.map((s) => c.read(s)));
      const joking = checks.map((c, i) => read[i]!.some((ids) => c.joking(ids)));
      const found = new Set<SignalCategory>();
      let excused = joking.some(Boolean);
      sentences.forEach((words, s) => {
        let scores = checks.map((c) => score(c, words));
        if (scores.every((n) => n === scores[0])) scores = wholeScores;
        const best = Math.max(...scores);
        checks.forEach((c, i) => {
          // A tie (or no marker at all) reads the sentence in every language: better a helpline too many.
          if (scores[i] !== best) return;
          why?.push(`"${words.join(' ')}" read as ${c.language}${joking.some(Boolean) ? ' (joking)' : ''}`);
          if (c.check(read[i]![s]!, joking.some(Boolean), found, why)) excused = true;
        });
      });
      const categories = SIGNAL_CATEGORIES.filter((c) => found.has(c));
      return { flagged: categories.length > 0, categories, excused };
  };
  return {
    detect: (text) => run(text),
    explain(text) {
      const why: string[] = [];
      run(text, why);
      return why;
    },
  };
}

/**
 * Builds the danger check of one language from its word lists: a sentence signals danger when it holds every concept
 * of a rule (e.g. someone who hurts + a way of hurting + the writer or someone close), in any
 * order, each on its own words; see docs/privacy-scrubbing-and-safeguarding.md.
 */
function compileLanguage(lexicon: Lexicon): LanguageCheck {
  const matcher = new WordMatcher(lexicon.exclusions.lookalikes, lexicon.language === 'en' ? (w) => w : soundKey);
  const spellings = new Map(Object.entries(lexicon.spellings).map(([from, to]) => [from, to.split(' ')]));
  const respell = (words: readonly string[]): string[] => words.flatMap((w) => spellings.get(w) ?? [w]);
  // Terms are read the way messages are: "dont" in a list means "do not", as in a message.
  const termWords = (term: string): string[] => respell(term.trim().split(/\s+/));
  const concepts = new Map<string, Concept>();
  const resolving = new Set<string>();
  /** Strict concepts match no typos: an exclusion read into a typo would silence a real signal. */
  function conceptOf(name: string, from: string, strict = false): Concept {
    const key = strict ? `=${name}` : name;
    const known = concepts.get(key);
    if (known) return known;
    const terms = lexicon.concepts[name];
    if (!terms) throw new LexiconError(`safeguarding lexicon (${lexicon.language}): ${from} uses unknown concept "${name}"`);
    if (resolving.has(name)) throw new LexiconError(`safeguarding lexicon (${lexicon.language}): concept "${name}" refers to itself`);
    resolving.add(name);
    const c = compileTerms(terms, `concept "${name}"`, strict);
    resolving.delete(name);
    concepts.set(key, c);
    return c;
  }
  const wordId = (word: string, strict: boolean) => matcher.idOf(strict && !word.startsWith('=') ? `=${word}` : word);
  function element(word: string, from: string, strict: boolean): Element {
    if (word === '~') return { gap: true };
    if (word === '$') return { end: true };
    if (word.startsWith('@')) return { gap: false, ids: conceptOf(word.slice(1), from, strict).words };
    return { gap: false, ids: new Set([wordId(word, strict)]) };
  }
  function compileTerms(terms: readonly string[], from: string, strict = false): Concept {
    const c: Concept = { words: new Set(), phrases: [], byFirst: new Map() };
    for (const term of terms) {
      const words = termWords(term);
      if (words.length === 1 && words[0]!.startsWith('@')) {
        const ref = conceptOf(words[0]!.slice(1), from, strict);
        ref.words.forEach((id) => c.words.add(id));
        c.phrases.push(...ref.phrases);
      } else if (words.length === 1) c.words.add(wordId(words[0]!, strict));
      else c.phrases.push(words.map((w) => element(w, from, strict)));
    }
    c.byFirst = indexPhrases(c);
    return c;
  }
  const rules: CompiledRule[] = lexicon.rules.map((r, i) => ({
    category: r.category,
    hyperbole: r.hyperbole,
    names: r.all,
    noneNames: r.none,
    concepts: r.all.map((name) => conceptOf(name, `rule ${i + 1} (${r.category})`)),
    none: r.none.map((name) => conceptOf(name, `rule ${i + 1} (${r.category})`, true)),
  }));
  const aboutMe = conceptOf(ABOUT_ME, 'the detector');
  const resolved = compileTerms(lexicon.exclusions.resolved, 'exclusions.resolved', true);
  const idioms = compileTerms(lexicon.exclusions.idioms, 'exclusions.idioms', true);
  const jokes = compileTerms(lexicon.exclusions.jokes, 'exclusions.jokes', true);
  const topics = compileTerms(lexicon.exclusions.topics, 'exclusions.topics', true);

  return {
    language: lexicon.language,
    markers: new Set(lexicon.markers),
    read: (words) => respell(words).map((w) => matcher.match(w)),
    joking: (ids) => spansOf(jokes, ids).length > 0,
    check(original, joking, found, why) {
      const idiomSpans = spansOf(idioms, original);
      const ids = blankOut(original, idiomSpans);
      // On a topic ("de docent vertelde over zelfdoding", a game, the news) only words about the writer count.
      const topical = spansOf(topics, ids).length > 0 && spansOf(aboutMe, ids).length === 0;
      if (why && idiomSpans.length) why.push(`  idioms at ${idiomSpans.map((x) => `${x.start}-${x.end}`).join(', ')}`);
      if (why && topical) why.push('  on a topic');
      if (spansOf(resolved, ids).length > 0) {
        why?.push('  looks back on something that is over');
        return true;
      }
      const spans = new Map<Concept, Span[]>();
      const where = (c: Concept) => {
        let s = spans.get(c);
        if (!s) spans.set(c, (s = spansOf(c, ids)));
        return s;
      };
      for (const rule of rules) {
        if (found.has(rule.category)) continue;
        if (topical || (rule.hyperbole && joking)) continue;
        const options = rule.concepts.map(where);
        if (options.some((o) => o.length === 0)) continue;
        // An exclusion counts even on words an idiom took ("hit by the ball").
        const unless = rule.none.findIndex((c) => where(c).length > 0 || spansOf(c, original).length > 0);
        if (unless >= 0) {
          why?.push(`  rule ${rules.indexOf(rule) + 1} (${rule.category}) is off: ${rule.noneNames[unless]} on words ${where(rule.none[unless]!).map((m) => m.words.join('/')).join(', ')}`);
          continue;
        }
        const match = pick(options, 0, []);
        if (!match) continue;
        found.add(rule.category);
        why?.push(`  rule ${rules.indexOf(rule) + 1} (${rule.category}: ${rule.names.join(' + ')}) on words ${match.map((m) => m.words.join('/')).join(' + ')}`);
      }
      return topical;
    },
  };
}

const NOTHING: readonly number[] = [];
const WINDOW_STEP = 32;

/**
 * A sentence of hundreds of words (chat without full stops, or a hostile paste) is read in
 * overlapping windows: every match fits in RULE_WINDOW words, so none is lost, and the time a
 * message takes grows with its length, not with its length squared.
 */
function windows(words: string[]): string[][] {
  if (words.length <= WINDOW_STEP + RULE_WINDOW) return [words];
  const out: string[][] = [];
  for (let at = 0; at < words.length - RULE_WINDOW; at += WINDOW_STEP) out.push(words.slice(at, at + WINDOW_STEP + RULE_WINDOW));
  return out;
}

function blankOut(ids: Ids, spans: Span[]): Ids {
  if (!spans.length) return ids;
  const out = [...ids];
  for (const span of spans) for (const i of span.words) out[i] = NOTHING;
  return out;
}

/** Where a concept occurs in a sentence. */
function spansOf(concept: Concept, ids: Ids): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (ids[i]!.some((id) => concept.words.has(id))) spans.push({ start: i, end: i + 1, words: [i] });
    const tried = new Set<Phrase>();
    for (const id of ids[i]!) for (const phrase of concept.byFirst.get(id) ?? []) {
      if (tried.has(phrase)) continue;
      tried.add(phrase);
      const words: number[] = [];
      const end = matchPhrase(phrase, 0, ids, i, words);
      if (end !== undefined) spans.push({ start: i, end, words });
    }
  }
  return spans;
}

function matchPhrase(phrase: Phrase, el: number, ids: Ids, at: number, words: number[]): number | undefined {
  if (el === phrase.length) return at;
  const e = phrase[el]!;
  if ('end' in e) return at === ids.length ? at : undefined;
  if (e.gap) {
    for (let skip = 0; skip <= GAP_WORDS && at + skip <= ids.length; skip++) {
      const depth = words.length;
      const end = matchPhrase(phrase, el + 1, ids, at + skip, words);
      if (end !== undefined) return end;
      words.length = depth;
    }
    return undefined;
  }
  if (at >= ids.length || !ids[at]!.some((id) => e.ids.has(id))) return undefined;
  words.push(at);
  return matchPhrase(phrase, el + 1, ids, at + 1, words);
}

/** One span per concept, no two matching the same word (a ~ may skip over another's word), all within the rule window. */
function pick(options: Span[][], i: number, chosen: Span[], start = Infinity, end = -Infinity): Span[] | undefined {
  if (i === options.length) return chosen;
  for (const span of options[i]!) {
    const s = Math.min(start, span.start);
    const e = Math.max(end, span.end);
    if (e - s > RULE_WINDOW) continue;
    if (chosen.some((c) => c.words.some((w) => span.words.includes(w)))) continue;
    const done = pick(options, i + 1, [...chosen, span], s, e);
    if (done) return done;
  }
  return undefined;
}
