import type { ChoiceOption } from '../core/choiceMatching';
import type { CommandVocabulary } from '../core/commands';
import { SCALE_MAX, SCALE_MIN } from '../core/questionSets';
import type { Translate, TranslatorFactory } from '../core/translate';
import { LOCALES, ROLES, type Locale, type Role } from '../core/types';

/**
 * Every word the bot understands, from every locale at once: a Dutch participant who types
 * "skip" or an English one who types "ja" is still understood.
 */
export interface Vocabulary {
  commands: CommandVocabulary;
  yesNo: ChoiceOption<'yes' | 'no'>[];
  roles: ChoiceOption<Role>[];
  /** Scale digits, number words and emoji, plus 'skip'. */
  scale: ChoiceOption<string>[];
  /** Scale words that count only as the whole message ("goed", "heel goed", "slecht"). */
  scaleWords: ChoiceOption<string>[];
  /** Whole-message answers that skip the open question ("nee", "skip"). */
  openSkip: string[];
  /** The two ways on after a session code failed. */
  codeProblem: ChoiceOption<'withoutCode' | 'newCode'>[];
}

function words(translators: Translate[], key: string): string[] {
  const all = translators.flatMap((t) => t(key).split('|'));
  return [...new Set(all.map((w) => w.trim()).filter(Boolean))];
}

export function buildVocabulary(translatorFor: TranslatorFactory): Vocabulary {
  const ts = LOCALES.map((l) => translatorFor(l));
  const locales = {} as Record<Locale, string[]>;
  for (const l of LOCALES) locales[l] = [...words(ts, `commands:locales.${l}`), ...words(ts, `commands:languageName.${l}`)];
  const scale: ChoiceOption<string>[] = [];
  for (let d = SCALE_MIN; d <= SCALE_MAX; d++) {
    scale.push({ value: String(d), phrases: [String(d), ...words(ts, `scale:emoji.${d}`), ...words(ts, `scale:words.${d}`)] });
  }
  scale.push({ value: 'skip', phrases: [...words(ts, 'questions:words.skip'), ...words(ts, 'questions:skip')] });
  const scaleWords: ChoiceOption<string>[] = [];
  // The labels the intro and the hint explain the scale with ("1 is slecht"), so typing them works.
  for (let d = SCALE_MIN; d <= SCALE_MAX; d++) {
    scaleWords.push({ value: String(d), phrases: [...words(ts, `scale:label.${d}`), ...words(ts, `scale:wholeWords.${d}`)] });
  }
  return {
    commands: {
      help: words(ts, 'commands:words.help'),
      stop: words(ts, 'commands:words.stop'),
      start: words(ts, 'commands:words.start'),
      language: words(ts, 'commands:words.language'),
      myData: words(ts, 'commands:words.myData'),
      erase: words(ts, 'commands:words.erase'),
      news: words(ts, 'updates:words.news'),
      locales,
    },
    yesNo: [
      { value: 'yes', phrases: [...words(ts, 'commands:words.yes'), ...words(ts, 'consent:yes')] },
      { value: 'no', phrases: [...words(ts, 'commands:words.no'), ...words(ts, 'consent:no')] },
    ],
    roles: ROLES.map((r) => ({ value: r, phrases: [...words(ts, `role:words.${r}`), ...words(ts, `role:${r}`)] })),
    scale,
    scaleWords,
    openSkip: [...words(ts, 'questions:words.openSkip'), ...words(ts, 'questions:skip')],
    codeProblem: [
      { value: 'withoutCode', phrases: [...words(ts, 'commands:words.withoutCode'), ...words(ts, 'commands:code.withoutCode')] },
      { value: 'newCode', phrases: [...words(ts, 'commands:words.newCode'), ...words(ts, 'commands:code.newCode')] },
    ],
  };
}
