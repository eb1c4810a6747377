import type { CardAction } from 'botbuilder';
import { choiceMessage, wordActions } from '../cards/choiceActions';
import { matchWhole, type ChoiceOption } from '../core/choiceMatching';
import type { Project } from '../core/projects';
import { LOCALES, type Role, type ThemeId } from '../core/types';
import type { ThemeCheckStep } from './state';
import { ask, type Turn } from './turn';

/**
 * The optional step after a remark in the open question: "Gaat dit vooral over: wachten ·
 * informatie · iets anders?". A tap (or the word typed) stores the participant's own word on the
 * theme; anything else keeps the tagger's guess and the conversation goes on.
 */

const SOMETHING_ELSE = '';

export function confirmsThemes(project: Project, role: Role): boolean {
  return project.confirmThemes[role];
}

/** A theme in plain words; a theme an organisation added has none in locales/, so its label, lower case. */
function plainWord(turn: Turn, theme: ThemeId, locale = turn.locale): string {
  const key = `themes:plain.${theme}`;
  const word = turn.translators(locale)(key);
  if (word !== key) return word;
  return (turn.app.data.themes.get(theme)?.label[locale] ?? theme).toLowerCase();
}

export function themeCheckActions(turn: Turn, step: ThemeCheckStep): CardAction[] {
  return wordActions([...step.guesses.map((g) => plainWord(turn, g)), turn.t('themes:check.somethingElse')]);
}

/** Every word that picks a choice, in every language (a Dutch participant may type "waiting"). */
function options(turn: Turn, step: ThemeCheckStep): ChoiceOption<string>[] {
  const somethingElse = LOCALES.flatMap((l) => [turn.translators(l)('themes:check.somethingElse'), ...turn.translators(l)('themes:check.words.somethingElse').split('|')]);
  return [
    ...step.guesses.map((g) => ({ value: g, phrases: LOCALES.map((l) => plainWord(turn, g, l)) })),
    { value: SOMETHING_ELSE, phrases: somethingElse },
  ];
}

export async function askThemeCheck(turn: Turn, step: ThemeCheckStep): Promise<void> {
  const actions = themeCheckActions(turn, step);
  const choices = actions.map((a) => a.title).join(turn.t('themes:check.separator'));
  await ask(turn, choiceMessage(turn.t('themes:check.ask', { choices }), actions));
}

/**
 * Stores the participant's word when the message is one of the choices. Returns whether it was
 * one; either way the caller goes on with the check-in (a typed remark is not asked again).
 */
export async function handleThemeCheck(turn: Turn, step: ThemeCheckStep, text: string): Promise<boolean> {
  const chosen = matchWhole(text, options(turn, step));
  const run = turn.conv.run;
  if (chosen === undefined || !run) return false;
  await turn.app.store.saveThemeCheck({
    response: step.response,
    project: run.project,
    week: step.week,
    participant: turn.pseudonym,
    by: 'participant',
    guessed: step.guesses,
    themes: chosen === SOMETHING_ELSE ? [] : [chosen],
    text: null,
    locale: turn.locale,
    answeredAt: step.answeredAt,
    at: turn.app.clock.now().toISOString(),
  });
  return true;
}
