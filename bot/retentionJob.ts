import { Cron } from 'croner';
import { CHANNEL_RECORD_DAYS, retentionCutoff } from '../core/retention';
import type { AppContext, Closable } from './appContext';

/**
 * Once at start-up and then daily: deletes raw free text older than RETENTION_DAYS (scores and
 * theme tags stay) and channel bookkeeping older than CHANNEL_RECORD_DAYS.
 */
export function startRetentionJob(app: AppContext): Closable & { runOnce(): Promise<number>; readonly started: Promise<void> } {
  const runOnce = async (): Promise<number> => {
    const now = app.clock.now();
    const rows = await app.store.purgeTextBefore(retentionCutoff(now, app.config.retentionDays));
    if (rows > 0) {
      await app.store.addAudit({ at: now.toISOString(), actor: 'system', action: 'retention', target: '*', rows });
    }
    const channelRecords = await app.store.pruneChannelRecordsBefore(retentionCutoff(now, CHANNEL_RECORD_DAYS));
    app.logger.info({ rows, retentionDays: app.config.retentionDays, channelRecords }, 'retention purge done');
    return rows;
  };
  const safeRun = async (): Promise<void> => {
    try {
      await runOnce();
    } catch (err) {
      app.logger.error({ err: { message: (err as Error).message } }, 'retention purge failed');
    }
  };
  const job = new Cron('30 3 * * *', { timezone: app.data.defaultProject.timeZone, protect: true }, safeRun);
  const started = safeRun();
  return {
    runOnce,
    started,
    close: async () => {
      job.stop();
    },
  };
}
