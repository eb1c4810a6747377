import { ActivityHandler, type Activity, type TurnContext } from 'botbuilder';
import type { SafeguardingNotifier } from '../core/safeguarding/notifier';
import { LOCALES, type Locale } from '../core/types';
import { handleJoin, handleMembersAdded, handleNonText, handleText, type JoinOptions } from '../dialogs/feedbackDialog';
import { isRedelivery, markHandled } from '../dialogs/redelivery';
import { keepTurn, openedTurn, type Turn } from '../dialogs/turn';
import { buildVocabulary } from '../dialogs/vocabulary';
import type { AppContext, TurnInterceptor } from './appContext';
import { createParticipantState, type ParticipantState } from './participantState';
import { openTurn, type TurnDeps } from './turnSession';
import { readInput } from './turnInput';
import { TurnQueue } from './turnQueue';

export interface FeedbackBotOptions {
  interceptors?: TurnInterceptor[];
  /** Without a notifier a young person's request to be contacted gets the 'no-contact' reply. */
  safeguarding?: SafeguardingNotifier;
}

export const WEBCHAT_JOIN_EVENT = 'webchat/join';

function joinOptions(value: unknown): JoinOptions {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    code: typeof v.code === 'string' ? v.code : undefined,
    lang: typeof v.lang === 'string' && (LOCALES as readonly string[]).includes(v.lang) ? (v.lang as Locale) : undefined,
  };
}

/**
 * Routes activities to the feedback dialogs and saves state after every turn. Typing and
 * other activity types get no reply.
 */
class FeedbackBot extends ActivityHandler {
  private readonly state: ParticipantState;
  private readonly deps: TurnDeps;
  private readonly queue = new TurnQueue();

  constructor(
    app: AppContext,
    private readonly options: FeedbackBotOptions,
  ) {
    super();
    this.state = createParticipantState(app.store.botStorage, app.secrets.pseudonymSecret);
    this.deps = {
      app,
      translators: app.translatorFor,
      state: this.state,
      vocabulary: buildVocabulary(app.translatorFor),
      safeguarding: options.safeguarding,
    };

    this.onMessage(async (context, next) => {
      if (!(await this.intercepted(context))) {
        const turn = await this.open(context);
        if (!(await isRedelivery(turn, context.activity.id))) {
          const input = readInput(context.activity);
          if (input.kind === 'text') await handleText(turn, input.text);
          else await handleNonText(turn, input.kind);
        }
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const { membersAdded, recipient, conversation } = context.activity;
      const someoneElse = (membersAdded ?? []).some((m) => m.id !== recipient?.id);
      // Feedback is one to one; a bot added to a Teams channel greets nobody.
      if (someoneElse && conversation?.isGroup !== true) await handleMembersAdded(await this.open(context));
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === WEBCHAT_JOIN_EVENT) await handleJoin(await this.open(context), joinOptions(context.activity.value));
      await next();
    });
  }

  private async intercepted(context: TurnContext): Promise<boolean> {
    for (const interceptor of this.options.interceptors ?? []) {
      if (await interceptor(context)) return true;
    }
    return false;
  }

  private async open(context: TurnContext): Promise<Turn> {
    const turn = await openTurn(context, this.deps);
    keepTurn(context, turn);
    return turn;
  }

  override async run(context: TurnContext): Promise<void> {
    const { from, conversation, channelId } = context.activity;
    if (!from?.id || !conversation?.id) return;
    await this.queue.run(`${channelId}\u0000${conversation.id}`, () => this.runTurn(context));
  }

  /**
   * Replies are held until the state is saved. A turn that fails half-way (the store went down
   * between writing an answer and saving the conversation) then shows only the apology, never a
   * next question the saved state does not know about; the answer is re-asked, and because an
   * answer's id is fixed per (run, question) the repeated answer replaces the stored one.
   */
  private async runTurn(context: TurnContext): Promise<void> {
    const replies = holdReplies(context);
    try {
      await super.run(context);
      const turn = openedTurn(context);
      if (turn && !turn.erased) {
        await this.state.saveChanges(context);
        await markHandled(context, this.deps.app.store, this.deps.app.clock.now().toISOString());
      }
    } catch (err) {
      replies.discard();
      throw err;
    }
    await replies.release();
  }
}

/** Buffers what the turn sends; release() sends it, discard() drops it (the error handler speaks). */
function holdReplies(context: TurnContext): { release(): Promise<void>; discard(): void } {
  let held: Partial<Activity>[] | undefined = [];
  context.onSendActivities(async (_ctx, activities, next) => {
    if (!held) return next();
    held.push(...activities);
    return activities.map(() => ({ id: '' }));
  });
  return {
    release: async () => {
      const out = held ?? [];
      held = undefined;
      if (out.length > 0) await context.sendActivities(out);
    },
    discard: () => {
      held = undefined;
    },
  };
}

export function createFeedbackBot(app: AppContext, options: FeedbackBotOptions = {}): ActivityHandler {
  return new FeedbackBot(app, options);
}
