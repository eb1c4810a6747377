import type { Activity } from 'botbuilder';
import type { ConfigData } from '../../core/configData';
import type { Locale } from '../../core/types';
import { translatorFor } from '../../locales';
import { suggested, texts, type TestUser } from '../helpers/testContext';

/**
 * Dialog transcripts as data: what the user says and what must appear in the replies of that
 * turn, written as translation keys so the same table runs in Dutch and in English.
 */
export type Localized = string | Record<Locale, string>;
export type UserInput = Localized | { activity: Partial<Activity> };

export type Expect =
  | { key: string; vars?: Record<string, unknown> }
  | { question: [set: string, index: number] }
  | { suggested: string[] }
  | { suggestedKeys: string[] }
  | { raw: Localized };

/** [what the user says, what the bot must say (in order) or 'silence', switch language afterwards?] */
export type Step = [UserInput, Expect[] | 'silence'] | [UserInput, Expect[] | 'silence', 'switch-language'];

export interface Transcript {
  name: string;
  locale: Locale;
  steps: Step[];
}

export const k = (key: string, vars?: Record<string, unknown>): Expect => ({ key, vars });
export const q = (set: string, index: number): Expect => ({ question: [set, index] });
export const scale: Expect = { suggested: ['1', '2', '3', '4', '5'] };
export const skipOffered: Expect = { suggestedKeys: ['questions:skip'] };
export const raw = (text: Localized): Expect => ({ raw: text });

/** The same scenario as a Dutch and an English transcript. */
export function inBothLanguages(name: string, steps: Step[]): Transcript[] {
  return (['nl', 'en'] as const).map((locale) => ({ name, locale, steps }));
}

const other = (l: Locale): Locale => (l === 'nl' ? 'en' : 'nl');
const localized = (v: Localized, l: Locale): string => (typeof v === 'string' ? v : v[l]);

function render(e: Expect, locale: Locale, data: ConfigData): string | undefined {
  const t = translatorFor(locale);
  if ('key' in e) return t(e.key, e.vars);
  if ('raw' in e) return localized(e.raw, locale);
  if ('question' in e) {
    const set = data.questionSets.get(e.question[0]);
    const question = set?.questions[e.question[1]];
    if (!set || !question) throw new Error(`no question ${e.question.join('#')}`);
    return t('questions:numbered', { n: e.question[1] + 1, total: set.questions.length, text: question.text[locale] });
  }
  return undefined;
}

export async function play(user: TestUser, transcript: Transcript, data: ConfigData): Promise<Partial<Activity>[][]> {
  let locale = transcript.locale;
  const all: Partial<Activity>[][] = [];
  for (const [step, [input, expected, after]] of transcript.steps.entries()) {
    const said = typeof input === 'object' && 'activity' in input ? input.activity : localized(input as Localized, locale);
    const replies = await user.say(said);
    all.push(replies);
    if (after === 'switch-language') locale = other(locale);
    if (expected === 'silence') {
      expect({ step, said, replies: texts(replies) }).toEqual({ step, said, replies: [] });
      continue;
    }
    let rest = texts(replies).join('\n');
    for (const e of expected) {
      if ('suggested' in e) {
        expect({ step, said, suggested: suggested(replies) }).toEqual({ step, said, suggested: e.suggested });
        continue;
      }
      if ('suggestedKeys' in e) {
        const t = translatorFor(locale);
        expect({ step, said, suggested: suggested(replies) }).toEqual({ step, said, suggested: e.suggestedKeys.map((key) => t(key)) });
        continue;
      }
      const text = render(e, locale, data)!;
      // The step and the input show up in the failure message, the rendered text is what must appear.
      expect({ step, said, replies: rest }).toEqual({ step, said, replies: expect.stringContaining(text) });
      rest = rest.slice(rest.indexOf(text) + text.length);
    }
  }
  return all;
}
