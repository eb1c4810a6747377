import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfigData } from '../core/configData';
import type { Catalogue } from '../core/catalogue';
import { createThemeTagger } from '../core/themes/tagger';
import { trainingDataFor } from '../core/themes/trainingData';
import type { Locale } from '../core/types';

export interface TaggingBench {
  textsPerSecond: number;
  trainingMs: number;
  texts: number;
  /** NLP.js's own NluManager.process() plus SentimentAnalyzer.process() on a sample, for comparison. */
  nlpjsProcessTextsPerSecond: number;
  nlpjsSample: number;
}

const TEXTS = 60_000;
const NLPJS_SAMPLE = 3_000;

/** The repository root, from bench/ under ts-jest as well as from dist/bench/ after a build. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`benchTagging: no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

/** Small deterministic generator, so every run tags the same texts. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fragments of the evaluation set and the catalogue examples, split at commas, full stops and
 * "maar"/"but", recombined 1–4 at a time: new texts of realistic length and vocabulary.
 */
export function generateTexts(catalogue: Catalogue, evalLines: string[], count: number, seed = 42): { text: string; lang: Locale }[] {
  const fragments: Record<Locale, string[]> = { nl: [], en: [] };
  const add = (text: string, lang: Locale) => {
    for (const part of text.split(/[,.;!?]+|\s(?=maar\s|but\s)/)) if (part.trim().length > 3) fragments[lang].push(part.trim());
  };
  for (const lang of ['nl', 'en'] as const) for (const list of trainingDataFor(catalogue).examples[lang].values()) for (const e of list) add(e, lang);
  for (const line of evalLines) {
    const item = JSON.parse(line) as { text: string; lang: Locale };
    add(item.text, item.lang);
  }
  const random = mulberry32(seed);
  const texts: { text: string; lang: Locale }[] = [];
  for (let i = 0; i < count; i += 1) {
    const lang: Locale = random() < 0.6 ? 'nl' : 'en';
    const pool = fragments[lang];
    const n = 1 + Math.floor(random() * 4);
    const parts: string[] = [];
    for (let k = 0; k < n; k += 1) parts.push(pool[Math.floor(random() * pool.length)]!);
    texts.push({ text: parts.join(random() < 0.5 ? ', ' : '. '), lang });
  }
  return texts;
}

async function nlpjsBaseline(catalogue: Catalogue, texts: { text: string; lang: Locale }[]): Promise<number> {
  const { containerBootstrap } = await import('@nlpjs/core');
  const { LangNl } = await import('@nlpjs/lang-nl');
  const { LangEn } = await import('@nlpjs/lang-en');
  const { NluManager, NluNeural } = await import('@nlpjs/nlu');
  const { SentimentAnalyzer } = await import('@nlpjs/sentiment');
  const container = await containerBootstrap();
  container.use(LangNl);
  container.use(LangEn);
  container.use(NluNeural);
  const manager = new NluManager({ locales: ['nl', 'en'], container, trainByDomain: false });
  for (const lang of ['nl', 'en'] as const) for (const [theme, list] of trainingDataFor(catalogue).examples[lang]) for (const e of list) manager.add(lang, e, theme);
  await manager.train({ log: false });
  const sentiment = new SentimentAnalyzer({ container });
  const start = performance.now();
  for (const { text, lang } of texts) {
    await manager.process(lang, text);
    await sentiment.process({ locale: lang, text });
  }
  return texts.length / ((performance.now() - start) / 1000);
}

/** `npm run bench`: trains the tagger, then tags 60,000 generated nl/en texts on this one thread. */
export async function benchTagging(): Promise<TaggingBench> {
  const root = repoRoot();
  const { catalogue } = loadConfigData(join(root, 'config'));
  const evalLines = readFileSync(join(root, 'tests', 'fixtures', 'themes-eval.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const texts = generateTexts(catalogue, evalLines, TEXTS);

  const trainStart = performance.now();
  const tagger = createThemeTagger(catalogue);
  const trainingMs = performance.now() - trainStart;

  let tagged = 0;
  let themesFound = 0;
  const start = performance.now();
  for (const { text, lang } of texts) {
    themesFound += tagger.tag(text, lang).themes.length;
    tagged += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  if (themesFound === 0) throw new Error('benchTagging: no text got a theme; the catalogue has no examples or keywords');

  const nlpjsProcessTextsPerSecond = await nlpjsBaseline(catalogue, texts.slice(0, NLPJS_SAMPLE));
  return {
    textsPerSecond: Math.round(tagged / seconds),
    trainingMs: Math.round(trainingMs),
    texts: tagged,
    nlpjsProcessTextsPerSecond: Math.round(nlpjsProcessTextsPerSecond),
    nlpjsSample: NLPJS_SAMPLE,
  };
}
