import { ActionTypes, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { Translate } from '../core/translate';
import { LOCALES } from '../core/types';
import { SCALE_MAX, SCALE_MIN } from '../core/questionSets';

/**
 * Suggested actions for every choice the bot offers. imBack sends the value back as typed
 * text, so a tap and a typed answer go through the same matching on every channel.
 */
function imBack(title: string, value: string = title): CardAction {
  return { type: ActionTypes.ImBack, title, value };
}

/** 1–5 with an emoji in the title; the value is the bare digit. */
export function scaleActions(t: Translate): CardAction[] {
  const actions: CardAction[] = [];
  for (let d = SCALE_MIN; d <= SCALE_MAX; d++) {
    actions.push(imBack(t('scale:option', { digit: d, emoji: t(`scale:emoji.${d}`) }), String(d)));
  }
  return actions;
}

export function yesNoActions(t: Translate): CardAction[] {
  return [imBack(t('consent:yes')), imBack(t('consent:no'))];
}

export function roleActions(t: Translate): CardAction[] {
  return [imBack(t('role:youth')), imBack(t('role:parent'))];
}

export function skipActions(t: Translate): CardAction[] {
  return [imBack(t('questions:skip'))];
}

/** Choices that are words, sent back as typed ("wachten", "iets anders"). */
export function wordActions(words: string[]): CardAction[] {
  return words.map((w) => imBack(w));
}

export function languageActions(t: Translate): CardAction[] {
  return LOCALES.map((l) => imBack(t(`commands:languageName.${l}`)));
}

/** After a session code failed: go on with the project's default, or type another code. */
export function codeProblemActions(t: Translate): CardAction[] {
  return [imBack(t('commands:code.withoutCode')), imBack(t('commands:code.newCode'))];
}

/** A text message with the given choices as suggested actions. */
export function choiceMessage(text: string, actions: CardAction[]): Partial<Activity> {
  return MessageFactory.suggestedActions(actions, text);
}
