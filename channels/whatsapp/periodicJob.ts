import { Cron } from 'croner';
import type { AppContext } from '../../bot/appContext';

/** Every 10 minutes: often enough for quiet hours and the 24-hour window, cheap on the store. */
export const DEFAULT_INVITATION_CRON = '*/10 * * * *';

/**
 * Runs `runOnce` on a cron schedule (or never, with `cron: false`, for tests that call it
 * themselves); a failed run is logged under `what` and the next one still comes. `close()` stops
 * the schedule and waits for a run under way.
 */
export function periodicJob<T>(app: AppContext, what: string, runOnce: () => Promise<T>, cron: string | false | undefined): { runOnce: () => Promise<T>; close(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const job =
    cron === false
      ? undefined
      : new Cron(cron ?? DEFAULT_INVITATION_CRON, { protect: true, unref: true }, () => {
          running = runOnce().catch((err: Error) => app.logger.error({ err: { name: err.name, message: err.message } }, `${what} failed`));
          return running as Promise<void>;
        });
  return {
    runOnce,
    async close() {
      job?.stop();
      await running;
    },
  };
}
