/**
 * Days a channel's bookkeeping is kept: which webhook messages and activities were already
 * handled (Meta retries a webhook for up to 7 days, Bot Service channels retry within a day), the
 * delivery statuses of what the bot sent, and webhook deliveries that kept failing in the inbox.
 */
export const CHANNEL_RECORD_DAYS = 30;

/** The instant before which raw free text must be gone. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
}
