import type { Locale } from '../core/types';
import { hasWebChatPage } from './channelFormat';
import type { Turn } from './turn';

/**
 * What the web chat page must follow when it happens in the conversation. Sent as Direct Line
 * events, which Microsoft's Web Chat ignores, so an organisation embedding it loses nothing.
 */
export const PAGE_EVENTS = { language: 'hoormij/language', erased: 'hoormij/erased' } as const;

/** The participant switched language in the chat (`taal`): the page switches its texts too. */
export async function tellPageLanguage(turn: Turn, locale: Locale): Promise<void> {
  if (hasWebChatPage(turn.channel)) await turn.context.sendActivity({ type: 'event', name: PAGE_EVENTS.language, value: { lang: locale } });
}

/** The participant's data is erased: the page forgets this device's ids and transcript too. */
export async function tellPageErased(turn: Turn): Promise<void> {
  if (hasWebChatPage(turn.channel)) await turn.context.sendActivity({ type: 'event', name: PAGE_EVENTS.erased });
}
