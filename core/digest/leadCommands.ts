import { normalizeText, phraseTokens } from '../choiceMatching';
import type { Lead } from '../projects';
import { LOCALES, type Locale } from '../types';

/** What a project lead (or safeguarding contact) can ask the bot in Teams. */
export type LeadCommand =
  | { kind: 'subscribe'; project?: string; locale?: Locale }
  | { kind: 'now'; project?: string; locale?: Locale }
  | { kind: 'unsubscribe'; project?: string; locale?: Locale }
  | { kind: 'help'; locale?: Locale }
  | { kind: 'safeguardingSubscribe'; project?: string; locale?: Locale };

/** The words of each command per language, from locales/<lng>/digest.json ("a|b|c"). */
export type LeadVocabulary = Record<Locale, Record<'digest' | 'subscribe' | 'now' | 'unsubscribe' | 'help' | 'safeguarding', string[]>>;

/** Teams puts "<at>HoorMij</at>" in front of a message that mentions the bot in a team. */
const MENTION = /<at>[^<]*<\/at>/gi;

export function withoutMentions(text: string): string {
  return text.replace(MENTION, ' ');
}

function startsWith(tokens: string[], phrase: string[]): boolean {
  return phrase.length > 0 && phrase.length <= tokens.length && phrase.every((w, i) => tokens[i] === w);
}

/** The longest phrase of `kind` (any language) at the start; which languages have it. */
function leading(tokens: string[], vocab: LeadVocabulary, kind: keyof LeadVocabulary['nl']): { length: number; locales: Locale[] } | undefined {
  let best: { length: number; locales: Locale[] } | undefined;
  for (const lng of LOCALES) {
    for (const phrase of vocab[lng][kind]) {
      const p = phraseTokens(phrase);
      if (!startsWith(tokens, p)) continue;
      if (!best || p.length > best.length) best = { length: p.length, locales: [lng] };
      else if (p.length === best.length && !best.locales.includes(lng)) best.locales.push(lng);
    }
  }
  return best;
}

/** Project ids are lower case with hyphens; typed ones may carry spaces or capitals. */
function projectOf(rest: string[]): string | undefined {
  return rest.length ? rest.join('-') : undefined;
}

/**
 * "digest aanmelden demo", "Digest NU", "digest unsubscribe vlaanderen-demo", "veiligheid
 * aanmelden demo": case and accents do not matter. The language is the one of the words used;
 * words both languages share ("help") leave it undefined. Anything else is not a lead command.
 */
export function parseLeadCommand(text: string | undefined, vocab: LeadVocabulary): LeadCommand | undefined {
  if (!text) return undefined;
  const normalized = normalizeText(withoutMentions(text));
  if (normalized === '' || normalized.length > 120) return undefined;
  const tokens = normalized.split(' ');
  const safeguarding = leading(tokens, vocab, 'safeguarding');
  const head = safeguarding ?? leading(tokens, vocab, 'digest');
  if (!head) return undefined;
  const afterHead = tokens.slice(head.length);
  const one = (l: Locale[]) => (l.length === 1 ? l[0] : undefined);
  if (safeguarding) {
    const verb = leading(afterHead, vocab, 'subscribe');
    if (!verb) return undefined;
    const locales = verb.locales.filter((l) => safeguarding.locales.includes(l));
    return { kind: 'safeguardingSubscribe', project: projectOf(afterHead.slice(verb.length)), locale: one(locales.length ? locales : verb.locales) };
  }
  if (afterHead.length === 0) return { kind: 'help', locale: one(head.locales) };
  for (const kind of ['subscribe', 'unsubscribe', 'now', 'help'] as const) {
    const verb = leading(afterHead, vocab, kind);
    if (!verb) continue;
    const rest = afterHead.slice(verb.length);
    const locale = one(verb.locales);
    if (kind === 'help') return rest.length ? undefined : { kind, locale };
    return { kind, project: projectOf(rest), locale };
  }
  return undefined;
}

export interface LeadIdentity {
  aadObjectId?: string;
  /** Looked up only when no AAD object id matched (it may cost a call to Teams). */
  email(): Promise<string | undefined>;
}

const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

const identifier = (kind: 'aad' | 'mail', value: string) => `${kind}:${value.trim().toLowerCase()}`;

/**
 * The configured identifier ("aad:<object id>" or "mail:<address>") by which the identity is one
 * of the listed people, by AAD object id or else by e-mail; undefined when it is none of them.
 */
export async function recognisedAs(people: readonly Lead[], who: LeadIdentity): Promise<string | undefined> {
  const byAad = people.find((l) => same(l.aadObjectId, who.aadObjectId));
  if (byAad?.aadObjectId) return identifier('aad', byAad.aadObjectId);
  if (!people.some((l) => l.email)) return undefined;
  const email = await who.email();
  const byMail = people.find((l) => same(l.email, email));
  return byMail?.email ? identifier('mail', byMail.email) : undefined;
}

export async function isListed(people: readonly Lead[], who: LeadIdentity): Promise<boolean> {
  return (await recognisedAs(people, who)) !== undefined;
}

/** Every identifier the listed people can be recognised by, in recognisedAs's form. */
export function identifiersOf(people: readonly Lead[]): string[] {
  return people.flatMap((l) => [
    ...(l.aadObjectId ? [identifier('aad', l.aadObjectId)] : []),
    ...(l.email ? [identifier('mail', l.email)] : []),
  ]);
}
