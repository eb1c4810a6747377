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
  async processValidated(authHeader: string, valid: ValidActivity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const activity = withDates(valid);
    // Authenticated here rather than inside processActivity, so a refusal and our own outage
    // can be told apart (botbuilder throws both, with and without a status).
    let authenticated: Awaited<ReturnType<CloudAdapter['botFrameworkAuthentication']['authenticateRequest']>>;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw isOutage(err) ? new AuthenticationUnavailableError(err) : new AuthenticationRefusedError(err);
    }
    return this.processActivity(authenticated, activity, logic);
  }
}

/** Missing, forged, expired or misaddressed credentials: the caller's problem (401). */
export class AuthenticationRefusedError extends Error {
  override readonly name = 'AuthenticationRefusedError';
  constructor(override readonly cause: unknown) {
    super('the request did not carry valid Bot Framework credentials');
  }
}

/** We could not fetch the OpenID metadata or signing keys: our problem, worth a retry (503). */
export class AuthenticationUnavailableError extends Error {
  override readonly name = 'AuthenticationUnavailableError';
  constructor(override readonly cause: unknown) {
    super('the Bot Framework signing keys could not be fetched');
  }
}

/** Errors node-fetch and the network give when the metadata or key endpoint is unreachable or broken. */
const OUTAGE_NAMES = new Set(['FetchError', 'AbortError', 'SyntaxError']);

function isOutage(err: unknown): boolean {
  const e = err as { name?: unknown; statusCode?: unknown; code?: unknown; type?: unknown };
  // botframework-connector's AuthenticationError carries 500 when the metadata answered with an error.
  if (typeof e.statusCode === 'number') return e.statusCode >= 500;
  return OUTAGE_NAMES.has(String(e.name)) || e.type === 'system' || (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code));
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
