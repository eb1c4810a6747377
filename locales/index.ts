import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { LOCALES, type Locale } from '../core/types';
import type { Translate, TranslatorFactory } from '../core/translate';

/** locales/ next to the sources, also when running from dist/locales. */
function localesDir(): string {
  for (const dir of [resolve(__dirname), resolve(__dirname, '..', '..', 'locales')]) {
    if (existsSync(join(dir, 'nl'))) return dir;
  }
  throw new Error(`locales folder not found near ${__dirname}`);
}

/** Reads every locales/<lng>/<namespace>.json once; the namespace is the file name. */
export function loadResources(dir = localesDir()): Record<Locale, Record<string, unknown>> {
  const out = {} as Record<Locale, Record<string, unknown>>;
  for (const lng of LOCALES) {
    out[lng] = {};
    for (const file of readdirSync(join(dir, lng)).filter((f) => f.endsWith('.json'))) {
      out[lng][basename(file, '.json')] = JSON.parse(readFileSync(join(dir, lng, file), 'utf8'));
    }
  }
  return out;
}

let shared: i18n | undefined;

/** One i18next instance per process, initialised synchronously from the JSON files. */
export function createI18n(): i18n {
  if (shared) return shared;
  const resources = loadResources();
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'nl',
    fallbackLng: 'nl',
    supportedLngs: [...LOCALES],
    ns: Object.keys(resources.nl),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initImmediate: false,
    // i18next otherwise prints an advert on stdout, which would corrupt the CLI's JSON output.
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  shared = instance;
  return instance;
}

const translators = new Map<Locale, Translate>();

/** Told about every lookup of a text the language does not have (tests fail on it; see tests/helpers/missingKeys.ts). */
export type MissingKeyReporter = (lng: Locale, key: string) => void;
let missingKeyReporter: MissingKeyReporter | undefined;

/**
 * Without a reporter a missing text shows as its key (i18next's way, so a participant at least
 * gets something); tests install one so that a missing or misspelt key fails instead.
 */
export function reportMissingKeys(reporter: MissingKeyReporter | undefined): void {
  missingKeyReporter = reporter;
}
const VARIABLE = /\{\{(\w+)\}\}/g;
/** i18next's plural key suffixes (the Intl.PluralRules categories). */
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/**
 * One translator per language. Texts that need no plural form are looked up once and then only
 * interpolated: i18next's full lookup was a noticeable share of a turn under load. Role wording
 * ({ context }) follows i18next's rule; texts with plural forms (when given a count) and anything
 * the resources do not hold as a plain string go through i18next.
 */
export const translatorFor: TranslatorFactory = (lng: Locale): Translate => {
  const known = translators.get(lng);
  if (known) return known;
  const i18n = createI18n();
  const t = i18n.getFixedT(lng);
  const templates = new Map<string, string | null>();
  const template = (key: string): string | null => {
    let tpl = templates.get(key);
    if (tpl === undefined) {
      const at = key.indexOf(':');
      const raw = at > 0 ? i18n.getResource(lng, key.slice(0, at), key.slice(at + 1)) : undefined;
      tpl = typeof raw === 'string' ? raw : null;
      templates.set(key, tpl);
    }
    return tpl;
  };
  // i18next's context rule: "key_<context>" when it exists, else "key".
  const withContext = (key: string, context: unknown): string | null =>
    typeof context === 'string' && context !== '' ? (template(`${key}_${context}`) ?? template(key)) : template(key);
  // A count only matters where the text has plural forms; elsewhere it is a variable like any other.
  const pluralFree = new Map<string, boolean>();
  const hasNoPlurals = (key: string, context: unknown): boolean => {
    const base = typeof context === 'string' && context !== '' ? [key, `${key}_${context}`] : [key];
    const id = base.join('\u0000');
    let free = pluralFree.get(id);
    if (free === undefined) {
      free = base.every((k) => PLURAL_SUFFIXES.every((suffix) => template(`${k}_${suffix}`) === null));
      pluralFree.set(id, free);
    }
    return free;
  };
  // The language's own text under the key, its context or one of its plural forms: the fallback
  // language (nl) does not count, or a text missing in English would go unnoticed.
  const hasOwnText = (key: string, context: unknown): boolean => {
    const base = typeof context === 'string' && context !== '' ? [key, `${key}_${context}`] : [key];
    return base.some((k) => template(k) !== null || PLURAL_SUFFIXES.some((suffix) => template(`${k}_${suffix}`) !== null));
  };
  const translate: Translate = (key, vars) => {
    const tpl = vars && 'count' in vars && !hasNoPlurals(key, vars.context) ? null : withContext(key, vars?.context);
    if (tpl === null) {
      if (missingKeyReporter && !hasOwnText(key, vars?.context)) missingKeyReporter(lng, key);
      return String(t(key, vars as Record<string, unknown>));
    }
    if (!vars) return tpl;
    return tpl.replace(VARIABLE, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
  };
  translators.set(lng, translate);
  return translate;
};

/** Maps a channel locale like "nl-BE" or "en-US" to a supported language, or undefined. */
export function toLocale(tag: string | undefined | null): Locale | undefined {
  const lng = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(lng) ? (lng as Locale) : undefined;
}
