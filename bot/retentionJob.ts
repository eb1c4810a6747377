import { Cron } from 'croner';
import { retentionCutoff } from '../core/retention';
import type { AppContext, Closable } from './appContext';

/** Deletes raw free text older than RETENTION_DAYS once at start-up and then daily; aggregates stay. */
export function startRetentionJob(app: AppContext): Closable & { runOnce(): Promise<number> } {
  const runOnce = async (): Promise<number> => {
    const now = app.clock.now();
    const rows = await app.store.purgeTextBefore(retentionCutoff(now, app.config.retentionDays));
    if (rows > 0) {
      await app.store.addAudit({ at: now.toISOString(), actor: 'system', action: 'retention', target: '*', rows });
    }
    app.logger.info({ rows, retentionDays: app.config.retentionDays }, 'retention purge done');
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
  void safeRun();
  return {
    runOnce,
    close: async () => {
      job.stop();
    },
  };
}
