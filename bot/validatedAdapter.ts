import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { ValidActivity } from './activityValidation';

/**
 * CloudAdapter whose HTTP entry takes an activity our route has already validated.
 *
 * CloudAdapter.process() checks the body again with zod schemas it builds on every request
 * (about a twentieth of a turn's CPU here) and writes failures to console.error, message
 * included. Our route validates first (bot/activityValidation.ts) and words its own errors, so it
 * hands the activity to processActivity(), which still authenticates the request exactly as
 * process() would and runs the turn with the adapter's error handler.
 */
export class ValidatedCloudAdapter extends CloudAdapter {
  processValidated(authHeader: string, valid: ValidActivity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, withDates(valid), logic);
  }
}

const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

/** What botbuilder's validateAndFixActivity does to the timestamps (it is not exported). */
function withDates(valid: ValidActivity): Activity {
  const activity = valid as unknown as Record<string, unknown>;
  for (const [field, raw] of DATE_FIELDS) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
