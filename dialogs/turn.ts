import type { Activity, TurnContext } from 'botbuilder';
import type { AppContext } from '../bot/appContext';
import type { Logger } from '../bot/logger';
import type { SafeguardingNotifier } from '../core/safeguarding/notifier';
import type { Translate, TranslatorFactory } from '../core/translate';
import type { Locale, Role } from '../core/types';
import { formatForChannel } from './channelFormat';
import type { ConversationData, UserProfile } from './state';
import type { Vocabulary } from './vocabulary';

/**
 * One turn as the dialogs see it: the participant's pseudonym, their loaded state (mutated in
 * place and saved by the bot at the end of the turn) and a translator in their language.
 */
export interface Turn {
  readonly context: TurnContext;
  readonly app: AppContext;
  readonly vocabulary: Vocabulary;
  readonly safeguarding: SafeguardingNotifier | undefined;
  readonly pseudonym: string;
  readonly channel: string;
  readonly profile: UserProfile;
  readonly conv: ConversationData;
  /** Child logger that carries the pseudonym and nothing else about the person. */
  readonly log: Logger;
  locale: Locale;
  t: Translate;
  /** Translator for any language (chooseLocale uses it). */
  readonly translators: TranslatorFactory;
  /** Drops this participant's bot state from storage and from the turn (after erasure). */
  forgetState(): Promise<void>;
  /** True once the participant's data is erased: nothing may be written back this turn. */
  erased: boolean;
}

const OPENED_TURN = Symbol('hoormij.turn');

/** Keeps the turn on its context, for what runs after the dialogs (the error handler, a channel's renderer). */
export function keepTurn(context: TurnContext, turn: Turn): void {
  context.turnState.set(OPENED_TURN, turn);
}

/** The turn the dialogs worked with, once the participant's state was loaded. */
export function openedTurn(context: TurnContext): Turn | undefined {
  return context.turnState.get(OPENED_TURN) as Turn | undefined;
}

export async function say(turn: Turn, message: string | Partial<Activity>): Promise<void> {
  turn.conv.promptOnScreen = false;
  turn.conv.saidIn = turn.locale;
  await turn.context.sendActivity(formatForChannel(turn.channel, message));
}

/** Sends the prompt of the open step (a question with its choices) and remembers it is on screen. */
export async function ask(turn: Turn, message: string | Partial<Activity>): Promise<void> {
  await say(turn, message);
  turn.conv.promptOnScreen = true;
}

/** The participant wrote something: whatever the bot asked before is no longer the last message. */
export function participantSpoke(turn: Turn): void {
  turn.conv.promptOnScreen = false;
}

/**
 * A translator that speaks to the person in their role: once the role is known it is passed as
 * i18next's context, so a `key_parent` text (Dutch "u" instead of "je", how a parent joins again)
 * wins over the shared `key`. Before the role is known everyone gets the shared, youth-friendly
 * text. The role is read at every lookup: it can be chosen halfway through a turn.
 */
export function roleTranslator(base: Translate, role: () => Role | undefined): Translate {
  return (key, vars) => {
    const context = role();
    return context ? base(key, { ...vars, context }) : base(key, vars);
  };
}

/** Gives the turn the translator for its (new) language, keeping the role wording (see openTurn). */
export function speakToParticipant(turn: Turn): void {
  turn.t = roleTranslator(turn.translators(turn.locale), () => turn.profile.role);
}

/** Switches the language for the rest of the turn and remembers it as the participant's choice. */
export function chooseLocale(turn: Turn, locale: Locale): void {
  turn.profile.locale = locale;
  turn.locale = locale;
  speakToParticipant(turn);
}
