/**
 * Events the bot sends HoorMij's web chat page so it follows what happened in the conversation
 * (Direct Line `event` activities, which Microsoft's Web Chat ignores). The page sends the bot
 * `webchat/join` (see bot/feedbackBot.ts).
 */
export const WEB_CHAT_EVENTS = {
  /** value `{ lang }`: the participant switched language by typing; the page switches too. */
  language: 'hoormij/language',
  /** The participant's data is erased: the page forgets this device's ids and transcript. */
  erased: 'hoormij/erased',
} as const;
