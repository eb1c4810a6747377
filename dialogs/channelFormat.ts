/**
 * Channels whose clients draw Adaptive Cards. Everywhere else (WhatsApp, SMS, unknown
 * channels) a card would arrive as a converted or missing attachment, so those get text.
 */
const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'directline', 'webchat', 'emulator']);

export function showsAdaptiveCards(channelId: string): boolean {
  return CARD_CHANNELS.has(channelId);
}
