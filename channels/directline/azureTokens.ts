import type { DlReply } from './localDirectLine';

/** Time we give Azure to hand out a token before the page is told to try again. */
const EXCHANGE_TIMEOUT_MS = 10_000;

/**
 * Azure mode: swap the Direct Line secret for a short-lived token bound to the user id, so the
 * secret never reaches the browser. The page then talks to Azure's Direct Line (`domain`).
 */
export async function exchangeAzureToken(endpoint: string, secret: string, userId: string): Promise<DlReply> {
  let res: Response;
  try {
    res = await fetch(`${endpoint}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
    });
  } catch (err) {
    return { status: 502, body: { error: { code: 'DirectLineUnreachable', message: (err as Error).name } } };
  }
  if (!res.ok) {
    return { status: 502, body: { error: { code: 'DirectLineRefused', message: `Azure Direct Line answered ${res.status}` } } };
  }
  const body = (await res.json().catch(() => ({}))) as { conversationId?: unknown; token?: unknown; expires_in?: unknown };
  if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    return { status: 502, body: { error: { code: 'DirectLineRefused', message: 'Azure Direct Line sent no token' } } };
  }
  return {
    status: 200,
    body: {
      conversationId: body.conversationId,
      token: body.token,
      expires_in: typeof body.expires_in === 'number' ? body.expires_in : 1800,
      domain: `${endpoint}/v3/directline`,
    },
  };
}
