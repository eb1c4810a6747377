import { soundKey } from './normalize';

/** Shortest word (and stem) that may differ by one typo: "dood" must not match "door". */
export const FUZZY_MIN_LENGTH = 5;

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

function add<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(id)) list.push(id);
  } else map.set(key, [id]);
}

/**
 * Finds, for one word of a message, every lexicon word or stem it stands for: exactly by its
 * sound key, or with one typo for words of five letters or more (symmetric-deletion index,
 * confirmed by withinOneEdit, so a look-up costs a few map hits, not a scan of the lexicon).
 */
export class WordMatcher {
  private readonly ids = new Map<string, number>();
  private readonly exact = new Map<string, number[]>();
  private readonly exactFuzzy = new Map<string, number[]>();
  private readonly fuzzyKeys: string[] = [];
  private readonly stems = new Map<string, number[]>();
  private readonly stemLengths = new Set<number>();
  private readonly stemFuzzy = new Map<string, number[]>();
  private readonly stemKeys: string[] = [];
  private readonly lookalikes: Set<string>;
  private readonly cache = new Map<string, readonly number[]>();
  /** Patterns that never match a typo: exclusions (topics, idioms) and words written with =. */
  private readonly strict = new Set<number>();

  /**
   * key: how a word sounds for comparison. Dutch chat spelling drops doubled letters and writes a
   * final d as t (soundKey); in English that would make "feel" "fell", so English compares as written.
   */
  constructor(
    lookalikes: Iterable<string>,
    private readonly key: (word: string, wordEnd?: boolean) => string = soundKey,
  ) {
    this.lookalikes = new Set(lookalikes);
  }

  /** The id of a word pattern ("slaat", "zelfmoord*", "=dood"), added if new. */
  idOf(pattern: string): number {
    const known = this.ids.get(pattern);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(pattern, id);
    const strict = pattern.startsWith('=');
    if (strict) this.strict.add(id);
    const body = strict ? pattern.slice(1) : pattern;
    if (body.endsWith('*')) {
      const stem = body.slice(0, -1);
      const key = this.key(stem, false);
      add(this.stems, key, id);
      this.stemLengths.add(key.length);
      this.stemKeys[id] = key;
      if (!strict && stem.length >= FUZZY_MIN_LENGTH) for (const d of [key, ...deletions(key)]) add(this.stemFuzzy, d, id);
    } else {
      const key = this.key(body);
      add(this.exact, key, id);
      this.fuzzyKeys[id] = key;
      if (!strict && body.length >= FUZZY_MIN_LENGTH) for (const d of [key, ...deletions(key)]) add(this.exactFuzzy, d, id);
    }
    this.cache.clear();
    return id;
  }

  /** Ids of the patterns a message word matches. */
  match(word: string): readonly number[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found = this.compute(word);
    // Bounded: a hostile message of random words must not grow the cache without end.
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private compute(word: string): number[] {
    const found = new Set<number>();
    const key = this.key(word);
    const open = this.key(word, false);
    for (const id of this.exact.get(key) ?? []) found.add(id);
    for (const length of this.stemLengths) {
      if (open.length >= length) for (const id of this.stems.get(open.slice(0, length)) ?? []) found.add(id);
    }
    // A word the lists know as it is written is that word, not a typo of another one ("krast" is not "krant").
    const known = [...found].some((id) => !this.strict.has(id));
    if (known || word.length < FUZZY_MIN_LENGTH || word.length > 40 || this.lookalikes.has(word) || /\d/.test(word)) return [...found];
    for (const variant of [key, ...deletions(key)]) {
      for (const id of this.exactFuzzy.get(variant) ?? []) if (!found.has(id) && withinOneEdit(key, this.fuzzyKeys[id]!)) found.add(id);
    }
    for (const length of this.stemLengths) {
      if (length < FUZZY_MIN_LENGTH - 1 || open.length < length - 1) continue;
      for (const slice of new Set([open.slice(0, length - 1), open.slice(0, length), open.slice(0, length + 1)])) {
        for (const variant of [slice, ...deletions(slice)]) {
          for (const id of this.stemFuzzy.get(variant) ?? []) if (!found.has(id) && withinOneEdit(slice, this.stemKeys[id]!)) found.add(id);
        }
      }
    }
    return [...found];
  }
}
