import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helplinesFor } from '../../core/safeguarding/helplines';
import { LOCALES } from '../../core/types';
import { loadResources } from '../../locales';

/**
 * Readable for a 13-year-old on a phone: every youth question (config/question-sets.json) and
 * every text a young person reads (locales/, nl and en) has at most 12 words per sentence, no
 * word over 15 letters except names, and at most one question per message.
 *
 * Not checked here: texts for parents (`_parent`, `…parent…` keys, spoken to with "u"), for
 * operators and leads (cli, digest), the web page's own texts (web), the WhatsApp templates
 * (whatsapp), word lists the bot matches against, and the helpline descriptions
 * (safeguarding:line.*, whose wording the safeguarding work owns; they are list items, not sentences).
 */
const ROOT = join(__dirname, '..', '..');
const MAX_WORDS = 12;
const MAX_LETTERS = 15;
// sessionCode: what a professional reads in Teams (the poster a young person reads is poster:, and checked)
const NOT_FOR_YOUTH = new Set(['cli', 'digest', 'web', 'whatsapp', 'sessionCode']);
const NOT_SENTENCES = [/^themes:check\.words\./, /^commands:(words|locales|languageName)\./, /^(role|questions|scale|updates):(words|emoji|wholeWords)\./, /^privacy:placeholder\./];
const FOR_PARENTS = /(^|[._:])parent/i;
/** Proper names may be long: the helplines and the data protection authorities. */
const NAMES = new Set([
  ...(['NL', 'BE'] as const).flatMap((c) => helplinesFor(c).flatMap((l) => l.name.split(/\s+/))),
  'Persoonsgegevens',
  'Gegevensbeschermingsautoriteit',
]);

function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** What breaks the rule in one message, as readable lines (empty: fine). */
function readabilityProblems(message: string): string[] {
  const text = message.replace(/\{\{\w+\}\}/g, 'X');
  const problems: string[] = [];
  const questions = (text.match(/\?/g) ?? []).length;
  if (questions > 1) problems.push(`${questions} questions in one message`);
  for (const sentence of text.split(/(?<=[.!?:])\s+|\n/)) {
    const words = sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length > MAX_WORDS) problems.push(`${words.length} words: "${sentence}"`);
    for (const w of words) {
      const letters = w.replace(/[^\p{L}\p{N}-]/gu, '');
      if (letters.length > MAX_LETTERS && !NAMES.has(letters)) problems.push(`long word: "${letters}"`);
    }
  }
  return problems;
}

const youthTexts: [string, string][] = [];
const resources = loadResources();
for (const lng of LOCALES) {
  for (const [ns, tree] of Object.entries(resources[lng])) {
    if (NOT_FOR_YOUTH.has(ns)) continue;
    for (const [path, value] of leaves(tree)) {
      const key = `${ns}:${path}`;
      if (typeof value !== 'string' || FOR_PARENTS.test(path) || NOT_SENTENCES.some((r) => r.test(key))) continue;
      youthTexts.push([`${lng} ${key}`, value]);
    }
  }
}
const sets = JSON.parse(readFileSync(join(ROOT, 'config', 'question-sets.json'), 'utf8')) as {
  questionSets: { id: string; role: string; questions: { id: string; text: Record<string, string> }[] }[];
};
const youthQuestions: [string, string][] = sets.questionSets
  .filter((s) => s.role === 'youth')
  .flatMap((s) => s.questions.flatMap((q) => LOCALES.map((l): [string, string] => [`${l} ${s.id}.${q.id}`, q.text[l]])));

describe('readable for a 13-year-old', () => {
  it('the rule finds long sentences, long words and two questions, and spares names', () => {
    expect(readabilityProblems('Dit is een zin met precies dertien woorden, dat is er net één te veel.')).toHaveLength(1);
    expect(readabilityProblems('Wat is een voorbeeldgegevensbestand?')).toEqual(['long word: "voorbeeldgegevensbestand"']);
    expect(readabilityProblems('Gaat het? Wil je verder?')).toEqual(['2 questions in one message']);
    expect(readabilityProblems('Bel De Kindertelefoon of de Gegevensbeschermingsautoriteit.')).toEqual([]);
  });

  it('covers the youth questions and the texts a young person reads', () => {
    expect(youthQuestions.length).toBeGreaterThanOrEqual(10);
    expect(youthTexts.map(([k]) => k)).toEqual(expect.arrayContaining(['nl welcome:hello', 'en consent:ask', 'nl legal:privacy.intro', 'en commands:stoppedReminder']));
  });

  it.each(youthQuestions)('question %s', (_where, text) => {
    expect(readabilityProblems(text)).toEqual([]);
  });

  it.each(youthTexts)('text %s', (_where, text) => {
    expect(readabilityProblems(text)).toEqual([]);
  });
});
