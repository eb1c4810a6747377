import type { Activity } from 'botbuilder';

/**
 * Channels whose clients draw Adaptive Cards. Everywhere else (WhatsApp, SMS, unknown
 * channels) a card would arrive as a converted or missing attachment, so those get text.
 */
const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'directline', 'webchat', 'emulator']);

/**
 * Channels that render a message's text as Markdown (Teams, Microsoft's Web Chat in Azure's
 * portal and the Emulator): there a single line break joins the lines into one paragraph, so
 * helplines and lists would run together. HoorMij's own page (directline) and WhatsApp keep
 * line breaks as they are.
 */
const MARKDOWN_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'emulator']);

/** Channels where HoorMij's own web chat page may be listening (see pageEvents.ts). */
const PAGE_CHANNELS: ReadonlySet<string> = new Set(['directline', 'webchat']);

export function showsAdaptiveCards(channelId: string): boolean {
  return CARD_CHANNELS.has(channelId);
}

export function hasWebChatPage(channelId: string): boolean {
  return PAGE_CHANNELS.has(channelId);
}

/** A message as the channel shows line breaks: a blank line between lines where text is Markdown. */
export function formatForChannel(channelId: string, message: string | Partial<Activity>): string | Partial<Activity> {
  if (!MARKDOWN_CHANNELS.has(channelId)) return message;
  if (typeof message === 'string') return paragraphs(message);
  return typeof message.text === 'string' ? { ...message, text: paragraphs(message.text) } : message;
}

function paragraphs(text: string): string {
  return text.replace(/[ \t]*\r?\n(?:[ \t]*\r?\n)*/g, '\n\n');
}
