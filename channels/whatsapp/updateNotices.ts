import type { AppContext, Closable } from '../../bot/appContext';
import { currentUpdates } from '../../core/updates/pickUpdates';
import type { ProjectUpdate } from '../../core/updates/types';
import { CHANNEL, WINDOW_MS, type ContactBook } from './contactBook';
import { periodicJob } from './periodicJob';
import { isQuietTime } from './quietHours';
import { newsTemplateMessage } from './templates';
import type { WhatsAppAdapter } from './whatsAppAdapter';

export interface NoticeRun {
  /** News templates sent. */
  sent: number;
  /** Updates whose notice waits for the end of quiet hours. */
  deferred: number;
  failed: number;
}

export interface UpdateNoticeScheduler extends Closable {
  runOnce(): Promise<NoticeRun>;
}

/**
 * Outside the 24-hour window the only way to tell a parent there is news is an approved
 * template. Each update's notice is claimed once in the store (across instances), then goes to
 * every parent of the project in the contact book who may be contacted, has not seen the update
 * and is outside the window (inside it, they hear the news at their next check-in or `nieuws`).
 * A notice is due a day after the update was posted: by then the window of whoever was in a
 * conversation at that moment has closed, unless they kept writing (and so hear it in the chat).
 * Several due updates give one notice per parent. Quiet hours defer it; sends go through the
 * client's pacer like every other message.
 */
export function startUpdateNotices(
  app: AppContext,
  adapter: WhatsAppAdapter,
  contacts: ContactBook,
  options: { cron?: string | false } = {},
): UpdateNoticeScheduler {
  const wa = app.config.whatsapp!;

  async function notify(project: string, updates: ProjectUpdate[], run: NoticeRun): Promise<void> {
    const ids = updates.map((u) => u.id);
    for (const record of await app.store.listContacts(project, CHANNEL)) {
      if (record.disabled || !record.sealed || contacts.insideWindow(record)) continue;
      const participant = await app.store.getParticipant(record.participant);
      if (!participant || participant.project !== project || participant.role !== 'parent' || !(await contacts.mayContact(participant))) continue;
      const seen = new Set(await app.store.seenUpdates(participant.id, project));
      if (ids.every((id) => seen.has(id))) continue;
      const waId = contacts.open(record);
      if (!waId) {
        run.failed++;
        continue;
      }
      const lng = participant.locale ?? record.locale ?? app.config.defaultLocale;
      const outcome = await adapter.sendFree(waId, participant.id, newsTemplateMessage(wa.templateNews, lng));
      run[outcome.ok ? 'sent' : 'failed']++;
    }
  }

  async function runOnce(): Promise<NoticeRun> {
    const run: NoticeRun = { sent: 0, deferred: 0, failed: 0 };
    const now = app.clock.now();
    for (const project of app.data.projects.values()) {
      const waiting = currentUpdates(await app.store.listUpdates(project.id)).filter(
        (u) => u.noticeAt === null && now.getTime() - Date.parse(u.createdAt) >= WINDOW_MS,
      );
      if (waiting.length === 0) continue;
      if (isQuietTime(now, project.timeZone, wa.quietHours)) {
        run.deferred += waiting.length;
        continue;
      }
      const claimed: ProjectUpdate[] = [];
      for (const u of waiting) if (await app.store.claimUpdateNotice(project.id, u.id, now.toISOString())) claimed.push(u);
      if (claimed.length) await notify(project.id, claimed, run);
    }
    if (run.sent + run.deferred + run.failed > 0) app.logger.info({ ...run }, 'whatsapp news notices');
    return run;
  }

  return periodicJob(app, 'whatsapp news notices', runOnce, options.cron);
}
