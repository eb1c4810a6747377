import { choiceMessage, languageActions } from '../cards/choiceActions';
import { matchLocale } from '../core/commands';
import type { Locale } from '../core/types';
import { tellPageLanguage } from './pageEvents';
import { saveParticipantRecord } from './participantRecord';
import { ask, chooseLocale, say, type Turn } from './turn';

/** `taal` / `language`: offers the languages; `taal en` switches at once. */
export async function askLanguage(turn: Turn): Promise<void> {
  turn.conv.pending = 'language';
  await ask(turn, choiceMessage(turn.t('commands:language.ask'), languageActions(turn.t)));
}

export async function switchLanguage(turn: Turn, locale: Locale): Promise<void> {
  chooseLocale(turn, locale);
  await saveParticipantRecord(turn);
  await say(turn, turn.t('commands:language.switched'));
  await tellPageLanguage(turn, locale);
}

/** The reply to askLanguage; anything else keeps the current language. */
export async function handleLanguageReply(turn: Turn, text: string): Promise<void> {
  turn.conv.pending = undefined;
  const locale = matchLocale(text, turn.vocabulary.commands);
  if (locale) await switchLanguage(turn, locale);
  else await say(turn, turn.t('commands:language.unknown'));
}
