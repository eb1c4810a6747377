import { z } from 'zod';
import type { Catalogue } from '../catalogue';
import { LOCALES, SENTIMENTS, type Locale, type Sentiment, type ThemeId } from '../types';
import examplesJson from './training/examples.json';
import keywordsJson from './training/keywords.json';
import publishedJson from './training/published.json';
import statementsJson from './training/statements.json';
import writtenJson from './training/written.json';

/**
 * What the tagger learns from, kept apart from config/themes.json (the catalogue organisations
 * edit): example statements and keyword patterns per language and theme id, shipped with the
 * code, plus what operators taught it with `npx hoormij themes review` (see learnedExamples).
 */
const perTheme = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.string().min(1)));
export const trainingFileSchema = z
  .object({ about: z.string(), nl: perTheme, en: perTheme })
  .strict();

const statementsSchema = z
  .object({
    about: z.string(),
    statements: z.array(
      z.object({ lang: z.enum(LOCALES), themes: z.array(z.string()), text: z.string().min(1), sentiment: z.enum(SENTIMENTS).optional() }).strict(),
    ),
  })
  .strict();

/** One statement with the themes it is about; `themes` may be empty (about nothing in the catalogue). */
export interface TrainingExample {
  text: string;
  lang: Locale;
  themes: ThemeId[];
  /** Known for the statements written or published with a sentiment label; reviews leave it out. */
  sentiment?: Sentiment;
}

export interface TrainingData {
  examples: Record<Locale, Map<ThemeId, string[]>>;
  keywords: Record<Locale, Map<ThemeId, string[]>>;
  /** Shipped long statements and reviewed remarks (several themes, or none), learned as they are. */
  learned: TrainingExample[];
}

export class TrainingDataError extends Error {
  override readonly name = 'TrainingDataError';
}

function parse<T extends z.ZodTypeAny>(name: string, raw: unknown, schema: T): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new TrainingDataError(`core/themes/training/${name}: ${issues}`);
  }
  return parsed.data;
}

/**
 * The shipped material for the catalogue's themes. A theme the organisation added has no material
 * of its own: its label and description are its first examples, and reviews teach it the rest.
 * Material for a theme the catalogue no longer has is ignored (an organisation may drop themes).
 */
export function trainingDataFor(catalogue: Catalogue, learned: readonly TrainingExample[] = []): TrainingData {
  const examples = parse('examples.json', examplesJson, trainingFileSchema);
  const keywords = parse('keywords.json', keywordsJson, trainingFileSchema);
  const statements = [
    ...parse('statements.json', statementsJson, statementsSchema).statements,
    ...parse('published.json', publishedJson, statementsSchema).statements,
    ...parse('written.json', writtenJson, statementsSchema).statements,
  ];
  const known = new Set(catalogue.themes.map((t) => t.id));
  const data: TrainingData = {
    examples: { nl: new Map(), en: new Map() },
    keywords: { nl: new Map(), en: new Map() },
    learned: [...statements, ...learned].map((e) => ({ ...e, themes: e.themes.filter((t) => known.has(t)) })),
  };
  for (const lang of LOCALES) {
    for (const theme of catalogue.themes) {
      const own = examples[lang][theme.id] ?? [];
      data.examples[lang].set(theme.id, own.length ? own : [theme.label[lang], theme.description[lang]]);
      data.keywords[lang].set(theme.id, keywords[lang][theme.id] ?? []);
    }
  }
  return data;
}
