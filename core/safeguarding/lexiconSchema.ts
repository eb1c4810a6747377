import { z } from 'zod';

export const LEXICON_LANGUAGES = ['nl', 'nl-BE', 'en'] as const;
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

export const SIGNAL_CATEGORIES = ['suicide', 'self-harm', 'abuse', 'violence-threat', 'neglect'] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

/**
 * A term: a word ("slaat"), a stem ending in * ("zelfmoord*"), a phrase of such words
 * ("zie ~ niet meer zitten"; ~ stands for up to three other words; $ for the end of the sentence,
 * as in "ik wil niet meer $"), or @concept for the words of a concept ("@possessive @family"). Words of five letters or more also match with one
 * typo; a leading = turns that off ("=sterven" matches only itself).
 */
const term = z
  .string()
  .trim()
  .min(1)
  .refine((t) => /^(?:[a-z0-9*=$~]+|@[a-z][a-zA-Z0-9]*)(?: (?:[a-z0-9*=$~]+|@[a-z][a-zA-Z0-9]*))*$/.test(t), 'a term is written in lower case without accents or punctuation (letters, digits, spaces, *, ~, $, @, =)');

const conceptName = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a concept name is a word in camelCase');

const rule = z
  .object({
    category: z.enum(SIGNAL_CATEGORIES),
    /** Concepts that must all occur in one sentence, in any order, each on its own words. */
    all: z.array(conceptName).min(1).max(5),
    /** Concepts that, anywhere in the sentence, mean it is something else ("per ongeluk", "by accident"). */
    none: z.array(conceptName).default([]),
    /** Playful or everyday exaggeration ("ik ga dood", "I'll kill you"): a joke marker or a topic turns it off. */
    hyperbole: z.boolean().default(false),
    /** Why the rule exists (read by people who maintain the list). */
    note: z.string().optional(),
  })
  .strict();

export const lexiconSchema = z
  .object({
    _comment: z.string().optional(),
    /** nl-BE adds to nl: Flemish words are read in every Dutch sentence. */
    language: z.enum(LEXICON_LANGUAGES),
    /** Common words that show a sentence is in this language ("ik", "het"; "the", "to"). */
    markers: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
    /** Chat spellings read as the words they stand for, before anything else: "mn" → "mijn", "kwil" → "ik wil". */
    spellings: z.record(z.string().regex(/^[a-z0-9]+$/), z.string().regex(/^[a-z0-9 ]+$/)).default({}),
    /** Named groups of terms; rules combine them. */
    concepts: z.record(conceptName, z.array(term)).default({}),
    rules: z.array(rule).default([]),
    exclusions: z
      .object({
        /** Everyday idioms whose words are not read as danger ("dood van het lachen"). */
        idioms: z.array(term).default([]),
        /** Joke markers anywhere in the message ("lol", "haha"; laughing emoji are read as "lol"). */
        jokes: z.array(term).default([]),
        /** School, book, news, film and game words: a sentence with one is about a topic, not about the writer. */
        topics: z.array(term).default([]),
        /** "It is over now" ("nu ben ik veilig", "I've been clean for a year"): a sentence with one looks back, it does not ask for help. */
        resolved: z.array(term).default([]),
        /** Real words one typo away from a danger word ("sterren" is not "sterven"). */
        lookalikes: z.array(z.string().regex(/^[a-z0-9]+$/)).default([]),
      })
      .strict()
      .default({}),
  })
  .strict();

export type Lexicon = z.infer<typeof lexiconSchema>;
export type LexiconRule = z.infer<typeof rule>;

/** An organisation's own additions (CONFIG_DIR/safeguarding-words.json), merged into the built-in lists. */
export const lexiconAdditionsSchema = z.object({ _comment: z.string().optional(), lexicons: z.array(lexiconSchema) }).strict();
