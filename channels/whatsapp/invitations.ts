import type { AppContext, Closable } from '../../bot/appContext';
import type { ContactRecord } from '../../core/types';
import { CHANNEL, type ContactBook } from './contactBook';
import { periodicJob } from './periodicJob';
import { isQuietTime } from './quietHours';
import type { ProactiveKind } from './templates';
import type { WhatsAppAdapter } from './whatsAppAdapter';

const DAY_MS = 24 * 60 * 60 * 1000;
/** One claim per participant and period, shared by every instance through the store. */
const INVITE_CLAIM = `${CHANNEL}:invite`;

export interface InvitationRun {
  /** Invitations and reminders sent (as templates). */
  templated: number;
  /** Due but held back by quiet hours; they go out on the first run after. */
  deferred: number;
  failed: number;
}

export interface InvitationScheduler extends Closable {
  /** One pass over every project (the cron job calls this; tests call it directly). */
  runOnce(): Promise<InvitationRun>;
}

/**
 * Which silent period a participant is in: 0 while the last contact is less than
 * checkInEveryDays ago, 1 for the first period after (an invitation), 2+ after that (reminders).
 */
export function periodsSince(anchor: string, now: Date, everyDays: number): number {
  const elapsed = now.getTime() - Date.parse(anchor);
  return Number.isFinite(elapsed) && elapsed > 0 ? Math.floor(elapsed / (everyDays * DAY_MS)) : 0;
}

/**
 * Invites participants of each project to their periodic check-in on WhatsApp, every
 * project.checkInEveryDays after they last wrote. Only consenting participants have a contact
 * record; opted-out, do-not-contact and erased participants get nothing; quiet hours (project
 * time zone) defer an invitation, never drop it.
 */
export function startInvitations(
  app: AppContext,
  adapter: WhatsAppAdapter,
  contacts: ContactBook,
  options: { cron?: string | false } = {},
): InvitationScheduler {
  const quiet = app.config.whatsapp!.quietHours;

  /**
   * The anchor of a due invitation is at least a day old, so the 24-hour window is always
   * closed by then: invitations go out as the pre-approved template.
   */
  async function invite(record: ContactRecord, kind: ProactiveKind): Promise<'templated' | 'failed'> {
    const waId = contacts.open(record);
    if (!waId) return 'failed';
    const outcome = await adapter.sendTemplate(waId, record.participant, kind, record.locale);
    return outcome?.ok ? 'templated' : 'failed';
  }

  async function runOnce(): Promise<InvitationRun> {
    const run: InvitationRun = { templated: 0, deferred: 0, failed: 0 };
    const now = app.clock.now();
    for (const project of app.data.projects.values()) {
      const quietNow = isQuietTime(now, project.timeZone, quiet);
      for (const record of await app.store.listContacts(project.id, CHANNEL)) {
        if (record.disabled || !record.sealed) continue;
        const participant = await app.store.getParticipant(record.participant);
        if (!participant || participant.project !== project.id || !(await contacts.mayContact(participant))) continue;
        const anchor = record.lastInboundAt ?? participant.consentAt ?? participant.createdAt;
        const period = periodsSince(anchor, now, project.checkInEveryDays);
        if (period < 1) continue;
        if (quietNow) {
          run.deferred++;
          continue;
        }
        // Hashed, so the claim left behind after an erasure does not name the pseudonym.
        const claimed = await app.store.markMessageSeen(INVITE_CLAIM, contacts.storedIdOf(`${record.participant}:${anchor}:${period}`), now.toISOString());
        if (!claimed) continue;
        const result = await invite(record, period === 1 ? 'invite' : 'reminder');
        run[result]++;
      }
    }
    if (run.templated + run.deferred + run.failed > 0) app.logger.info({ ...run }, 'whatsapp check-in invitations');
    return run;
  }

  return periodicJob(app, 'whatsapp invitations', runOnce, options.cron);
}
