import type { Locale } from '../core/types';
import { WEB_CHAT_EVENTS as PAGE_EVENTS } from '../core/webChatEvents';
import { hasWebChatPage } from './channelFormat';
import type { Turn } from './turn';

/** The participant switched language in the chat (`taal`): the page switches its texts too. */
export async function tellPageLanguage(turn: Turn, locale: Locale): Promise<void> {
  if (hasWebChatPage(turn.channel)) await turn.context.sendActivity({ type: 'event', name: PAGE_EVENTS.language, value: { lang: locale } });
}

/** The participant's data is erased: the page forgets this device's ids and transcript too. */
export async function tellPageErased(turn: Turn): Promise<void> {
  if (hasWebChatPage(turn.channel)) await turn.context.sendActivity({ type: 'event', name: PAGE_EVENTS.erased });
}
