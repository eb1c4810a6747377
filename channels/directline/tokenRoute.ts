import type * as restify from 'restify';
import { z } from 'zod';
import type { AppContext } from '../../bot/appContext';
import { AddressRateLimiter } from './addressRateLimit';
import { exchangeAzureToken } from './azureTokens';
import { clientAddress } from './clientAddress';
import { CONVERSATION_ID_PATTERN, USER_ID_PATTERN, type LocalDirectLine } from './localDirectLine';
import { sendReply } from './restRoutes';

export const TOKEN_ROUTE = '/api/directline/token';

const TokenRequest = z.object({
  userId: z.string().regex(USER_ID_PATTERN),
  conversationId: z.string().regex(CONVERSATION_ID_PATTERN).optional(),
});

/**
 * The only place the page gets a token from. Offline it comes from the local endpoint and is
 * bound to one conversation and the page's user id; with DIRECT_LINE_SECRET it is exchanged at
 * Azure. A known conversation id of the same user resumes that conversation.
 *
 * Tokens are rate-limited per client address, in both modes: offline each one can open a
 * conversation, in Azure mode each one is a call to Direct Line on our secret.
 */
export function registerTokenRoute(server: restify.Server, app: AppContext, local: LocalDirectLine): void {
  const { secret, endpoint } = app.config.directLine;
  const limiter = new AddressRateLimiter(app.config.directLine.tokensPerMinute, app.clock);
  server.post(TOKEN_ROUTE, async (req, res) => {
    const rate = limiter.take(clientAddress(req, app.config.trustedProxyHeader));
    if (!rate.ok) {
      sendReply(res, { status: 429, headers: { 'Retry-After': String(rate.retryAfterSeconds) }, body: { error: { code: 'TooManyRequests', message: 'too many chat tokens from this address, try again later' } } });
      return;
    }
    const parsed = TokenRequest.safeParse(req.body);
    if (!parsed.success) {
      sendReply(res, { status: 400, body: { error: { code: 'BadArgument', message: 'userId must look like dl_ followed by 16-64 letters or digits' } } });
      return;
    }
    const { userId, conversationId } = parsed.data;
    if (!secret) {
      sendReply(res, local.issueToken(userId, conversationId));
      return;
    }
    const reply = await exchangeAzureToken(endpoint, secret, userId);
    if (reply.status !== 200) app.logger.warn({ status: reply.status, code: (reply.body as { error?: { code?: string } }).error?.code }, 'Azure Direct Line token exchange failed');
    sendReply(res, reply);
  });
}
