import { normalizeText, phraseTokens } from '../choiceMatching';
import { LOCALES, type Locale } from '../types';
import { updateNumber } from './types';

/** `update wijzigen U3 [project]`, `update intrekken [U3] [project]` (any language, any case). */
export interface LeadUpdateCommand {
  kind: 'change' | 'withdraw';
  id?: string;
  project?: string;
  locale?: Locale;
}

export type UpdateVocabulary = Record<Locale, Record<'update' | 'change' | 'withdraw', string[]>>;

const MENTION = /<at>[^<]*<\/at>/gi;

/** The languages whose phrase for `kind` is the first `length` tokens; the longest wins. */
function leading(tokens: string[], vocab: UpdateVocabulary, kind: keyof UpdateVocabulary['nl']): { length: number; locales: Locale[] } | undefined {
  let best: { length: number; locales: Locale[] } | undefined;
  for (const lng of LOCALES) {
    for (const phrase of vocab[lng][kind]) {
      const p = phraseTokens(phrase);
      if (p.length === 0 || p.length > tokens.length || !p.every((w, i) => tokens[i] === w)) continue;
      if (!best || p.length > best.length) best = { length: p.length, locales: [lng] };
      else if (p.length === best.length && !best.locales.includes(lng)) best.locales.push(lng);
    }
  }
  return best;
}

export function parseLeadUpdateCommand(text: string | undefined, vocab: UpdateVocabulary): LeadUpdateCommand | undefined {
  if (!text) return undefined;
  const normalized = normalizeText(text.replace(MENTION, ' '));
  if (normalized === '' || normalized.length > 120) return undefined;
  const tokens = normalized.split(' ');
  const head = leading(tokens, vocab, 'update');
  if (!head) return undefined;
  const rest = tokens.slice(head.length);
  for (const kind of ['change', 'withdraw'] as const) {
    const verb = leading(rest, vocab, kind);
    if (!verb) continue;
    const args = rest.slice(verb.length);
    const n = args.length ? updateNumber(args[0]) : undefined;
    const projectWords = n === undefined ? args : args.slice(1);
    const locales = verb.locales.filter((l) => head.locales.includes(l));
    const pick = locales.length ? locales : verb.locales;
    return {
      kind,
      ...(n !== undefined ? { id: `U${n}` } : {}),
      ...(projectWords.length ? { project: projectWords.join('-') } : {}),
      ...(pick.length === 1 ? { locale: pick[0] } : {}),
    };
  }
  return undefined;
}
