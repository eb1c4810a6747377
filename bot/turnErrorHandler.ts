import type { TurnContext } from 'botbuilder';
import { openedTurn } from '../dialogs/turn';
import { toLocale } from '../locales';
import type { AppContext } from './appContext';

/**
 * The one place a failed turn ends up: log with context (never the text or the user id) and
 * apologise in the user's language, truthfully. Answers of earlier turns are stored; the message
 * of this turn may not be, so the apology asks for it again (an answer's id is fixed per question,
 * so a repeat replaces rather than doubles it). When the store cannot write (unreachable, or a
 * full disk: ping() checks both) it says that nothing can be saved right now.
 * Once the participant's state was loaded the apology uses their own language and, for a parent,
 * "u"; a turn that failed before (the store is down) can only go by the channel's locale.
 */
export function createTurnErrorHandler(app: AppContext) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const activity = context.activity;
    let storeDown = false;
    try {
      await app.store.ping();
    } catch {
      storeDown = true;
    }
    app.logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, channelId: activity.channelId, activityType: activity.type, storeDown },
      'turn failed',
    );
    const t = openedTurn(context)?.t ?? app.translatorFor(toLocale(activity.locale) ?? app.config.defaultLocale);
    try {
      await context.sendActivity(t(storeDown ? 'common:error.storeDown' : 'common:error.turn'));
    } catch (sendError) {
      app.logger.warn({ err: { message: (sendError as Error).message } }, 'could not send the apology');
    }
  };
}
