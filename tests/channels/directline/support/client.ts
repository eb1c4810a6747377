import { ConnectionStatus, DirectLine, type Activity, type DirectLineOptions } from 'botframework-directlinejs';
import { WebSocket } from 'ws';
import { NodeXMLHttpRequest } from './nodeXhr';
import { waitFor } from './directLineHarness';

const globals = globalThis as unknown as { XMLHttpRequest?: unknown; WebSocket?: unknown };
globals.XMLHttpRequest = NodeXMLHttpRequest;

export interface Client {
  dl: DirectLine;
  activities: Activity[];
  statuses: ConnectionStatus[];
  post(activity: Partial<Activity>): Promise<string>;
  /** Waits for an activity matching the predicate that arrived at or after index `from`. */
  next(match: (a: Activity) => boolean, what: string, from?: number): Promise<Activity>;
  waitStatus(status: ConnectionStatus): Promise<void>;
  texts(): string[];
  end(): void;
}

/** The real botframework-directlinejs client; WebSocket mode uses the `ws` package as the browser's WebSocket. */
export function connect(options: DirectLineOptions & { userId: string }): Client {
  if (options.webSocket) globals.WebSocket = WebSocket;
  // The constructor looks at the global WebSocket to decide on the mode; the `WebSocket` service is what it opens.
  // random: 0 picks the shortest reconnect delay (3 s) directlinejs allows.
  const dl = new DirectLine({ pollingInterval: 200, webSocket: false, ...options, WebSocket: WebSocket as never, random: () => 0 });
  if (options.webSocket) delete globals.WebSocket;
  const activities: Activity[] = [];
  const statuses: ConnectionStatus[] = [];
  dl.connectionStatus$.subscribe((s) => statuses.push(s));
  dl.activity$.subscribe({ next: (a) => activities.push(a), error: () => undefined });
  return {
    dl,
    activities,
    statuses,
    post: (activity) => dl.postActivity({ from: { id: options.userId }, ...activity } as Activity).toPromise() as Promise<string>,
    next: (match, what, from = 0) => waitFor(() => activities.slice(from).find(match), what),
    waitStatus: async (status) => {
      await waitFor(() => dl.connectionStatus$.getValue() === status, `connection status ${ConnectionStatus[status]}`);
    },
    texts: () => activities.filter((a) => a.type === 'message').map((a) => (a as { text?: string }).text ?? ''),
    end: () => dl.end(),
  };
}

export { ConnectionStatus };
