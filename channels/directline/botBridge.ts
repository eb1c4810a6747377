import { CloudAdapter, type Activity, type ActivityHandler } from 'botbuilder';
import type { BotRuntime } from '../../bot/appContext';
import { ClientReusingAuthentication } from '../../bot/cachingAuthentication';
import type { DlActivity } from './conversations';

export class BotTurnError extends Error {
  override readonly name = 'BotTurnError';
  constructor(
    readonly status: number,
    readonly activityType: string | undefined,
  ) {
    super(`the bot answered ${status} to a ${activityType ?? 'typeless'} activity`);
  }
}

/** Delivers one activity to the bot and resolves with the replies of that turn. */
export type BotBridge = (activity: DlActivity) => Promise<DlActivity[]>;

/**
 * Runs the turn in-process through a CloudAdapter with deliveryMode "expectReplies", so the
 * replies come back in the adapter's response instead of through a serviceUrl callback.
 * When the main adapter authenticates (MicrosoftAppId set) it would refuse these unsigned
 * activities, so the bridge then uses an adapter of its own without credentials: the local
 * endpoint is only reachable through tokens this process issued.
 */
export function createBotBridge(runtime: BotRuntime, authenticated: boolean): BotBridge {
  const adapter = authenticated ? bridgeAdapter(runtime.adapter) : runtime.adapter;
  const bot: ActivityHandler = runtime.bot;

  return async (activity) => {
    const res = new CapturedResponse();
    const req = { method: 'POST', headers: {} as Record<string, string>, body: { ...activity, deliveryMode: 'expectReplies' } };
    await adapter.process(req, res, (context) => bot.run(context));
    if (res.statusCode >= 300) throw new BotTurnError(res.statusCode, activity.type);
    const body = res.body as { activities?: Partial<Activity>[] } | undefined;
    return body?.activities ?? [];
  };
}

function bridgeAdapter(main: CloudAdapter): CloudAdapter {
  // An empty app id switches authentication off, as for the Bot Framework Emulator.
  const adapter = new CloudAdapter(new ClientReusingAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
  adapter.onTurnError = main.onTurnError;
  return adapter;
}

/** The minimal botbuilder Response: status, headers and body of one in-process turn. */
class CapturedResponse {
  statusCode = 200;
  body: unknown;
  readonly socket = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  header(): this {
    return this;
  }

  send(body: unknown): this {
    this.body = body;
    return this;
  }

  end(): this {
    return this;
  }
}
