import type { Activity } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import type { ConfigData } from '../../core/configData';
import { legalPageUrl } from '../../core/legalPageUrl';
import type { Locale } from '../../core/types';
import { translatorFor } from '../../locales';
import { suggested, texts, type TestUser } from '../helpers/testContext';

/**
 * Dialog transcripts as data: what the user says and what must appear in the replies of that
 * turn, written as translation keys so the same table runs in Dutch and in English.
 */
export type Localized = string | Record<Locale, string>;
/** An activity, or one built for the transcript's language at that step (a join event's lang). */
export type UserInput = Localized | { activity: Partial<Activity> | ((locale: Locale) => Partial<Activity>) };

export type Expect =
  | { key: string; vars?: Record<string, unknown> }
  | { question: [set: string, index: number] }
  | { suggested: string[] }
  | { suggestedKeys: string[] }
  | { raw: Localized }
  /** A reply that is an Adaptive Card alone, whose content shows the texts of these keys. */
  | { card: string[] }
  /** Some reply of the turn matches the pattern of the transcript's language (none given: no check). */
  | { saidLike: Partial<Record<Locale, RegExp>> }
  /** No reply of the turn matches the pattern of the transcript's language. */
  | { notSaid: Partial<Record<Locale, RegExp>> }
  | { exactly: true };

/** [what the user says, what the bot must say (in order) or 'silence', switch language afterwards?] */
export type Step = [UserInput, Expect[] | 'silence'] | [UserInput, Expect[] | 'silence', 'switch-language'];

export interface Transcript {
  name: string;
  locale: Locale;
  steps: Step[];
}

export const k = (key: string, vars?: Record<string, unknown>): Expect => ({ key, vars });
/** The parent's version of a text (i18next context `parent`: a `key_parent` wins over `key`). */
export const p = (key: string, vars?: Record<string, unknown>): Expect => ({ key, vars: { ...vars, context: 'parent' } });
export const saidLike = (patterns: Partial<Record<Locale, RegExp>>): Expect => ({ saidLike: patterns });
export const notSaid = (patterns: Partial<Record<Locale, RegExp>>): Expect => ({ notSaid: patterns });
export const q = (set: string, index: number): Expect => ({ question: [set, index] });
export const scale: Expect = { suggested: ['1', '2', '3', '4', '5'] };
export const skipOffered: Expect = { suggestedKeys: ['questions:skip'] };
export const raw = (text: Localized): Expect => ({ raw: text });
/**
 * The texts before it are the whole turn: each reply, in order, is exactly one of them and
 * nothing else is said (no question asked twice, no text beside a card).
 */
export const nothingElse: Expect = { exactly: true };
export const card = (...keys: string[]): Expect => ({ card: keys });

/** The welcome's second message as a whole: what is kept, how to stop, and the privacy page (default address). */
export const welcomePrivacy: Expect = raw(
  Object.fromEntries(
    (['nl', 'en'] as const).map((l) => {
      const t = translatorFor(l);
      return [l, `${t('welcome:privacy')}\n${t('welcome:privacyLink', { link: legalPageUrl(loadConfig({}).publicBaseUrl, 'privacy', l) })}`];
    }),
  ) as Record<Locale, string>,
);

const CARD = '[card]';
/** A reply as the exact comparison sees it: its text, or a marker for a card sent alone. */
const shown = (r: Partial<Activity>): string => r.text ?? (r.attachments?.length ? CARD : '');

/** The same scenario as a Dutch and an English transcript. */
export function inBothLanguages(name: string, steps: Step[]): Transcript[] {
  return (['nl', 'en'] as const).map((locale) => ({ name, locale, steps }));
}

const other = (l: Locale): Locale => (l === 'nl' ? 'en' : 'nl');
const localized = (v: Localized, l: Locale): string => (typeof v === 'string' ? v : v[l]);

const isLocalized = (v: unknown): v is Record<Locale, string> =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).nl === 'string' && typeof (v as Record<string, unknown>).en === 'string';

function render(e: Expect, locale: Locale, data: ConfigData): string | undefined {
  const t = translatorFor(locale);
  if ('key' in e) {
    // A variable given as {nl, en} (a project name) takes the transcript's language.
    const vars = e.vars && Object.fromEntries(Object.entries(e.vars).map(([k, v]) => [k, isLocalized(v) ? v[locale] : v]));
    return t(e.key, vars);
  }
  if ('raw' in e) return localized(e.raw, locale);
  if ('question' in e) {
    const set = data.questionSets.get(e.question[0]);
    const question = set?.questions[e.question[1]];
    if (!set || !question) throw new Error(`no question ${e.question.join('#')}`);
    return t('questions:numbered', { n: e.question[1] + 1, total: set.questions.length, text: question.text[locale] });
  }
  return undefined;
}

/** The locale a channel would send for a transcript's language. */
export function channelLocaleOf(transcript: Transcript): string {
  return transcript.locale === 'nl' ? 'nl-NL' : 'en-US';
}

export async function play(user: TestUser, transcript: Transcript, data: ConfigData): Promise<Partial<Activity>[][]> {
  let locale = transcript.locale;
  const all: Partial<Activity>[][] = [];
  for (const [step, [input, expected, after]] of transcript.steps.entries()) {
    const said =
      typeof input === 'object' && 'activity' in input
        ? typeof input.activity === 'function'
          ? input.activity(locale)
          : input.activity
        : localized(input as Localized, locale);
    const replies = await user.say(said);
    all.push(replies);
    if (after === 'switch-language') locale = other(locale);
    if (expected === 'silence') {
      expect({ step, said, replies: texts(replies) }).toEqual({ step, said, replies: [] });
      continue;
    }
    if (expected.some((e) => 'exactly' in e)) {
      const whole = expected.map((e) => ('card' in e ? CARD : render(e, locale, data))).filter((text): text is string => text !== undefined);
      expect({ step, said, replies: replies.map(shown) }).toEqual({ step, said, replies: whole });
    }
    let rest = texts(replies).join('\n');
    for (const e of expected) {
      if ('exactly' in e) continue;
      if ('card' in e) {
        const t = translatorFor(locale);
        const cards = replies.filter((r) => r.text === undefined).flatMap((r) => r.attachments ?? []);
        const content = cards.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => JSON.stringify(a.content));
        const shows = (c: string) => e.card.every((key) => c.includes(JSON.stringify(t(key)).slice(1, -1)));
        expect({ step, said, card: e.card, found: content.some(shows) }).toEqual({ step, said, card: e.card, found: true });
        continue;
      }
      if ('saidLike' in e || 'notSaid' in e) {
        const pattern = 'saidLike' in e ? e.saidLike[locale] : e.notSaid[locale];
        if (!pattern) continue;
        const all = texts(replies);
        const matching = all.filter((text) => pattern.test(text));
        if ('saidLike' in e) expect({ step, said, saidLike: String(pattern), found: matching.length > 0, replies: all }).toMatchObject({ found: true });
        else expect({ step, said, notSaid: String(pattern), matching }).toEqual({ step, said, notSaid: String(pattern), matching: [] });
        continue;
      }
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
