import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { LeadIdentity } from '../core/digest/leadCommands';

/**
 * Channels where the sender's identity can be trusted for lead commands: Teams (through
 * Azure Bot Service) and the Bot Framework Emulator used by an operator. On web chat or
 * WhatsApp anyone could claim an AAD object id, so lead commands are refused there.
 */
export const LEAD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'emulator']);

/**
 * Who sent this turn, as far as project leads are configured: the AAD object id Teams sends,
 * and the e-mail (or user principal name) that TeamsInfo.getMember reports. The Emulator may
 * carry an e-mail in channelData, which is how local tests and demos play a lead.
 */
export function leadIdentityOf(ctx: TurnContext): LeadIdentity {
  const from = ctx.activity.from;
  let email: Promise<string | undefined> | undefined;
  return {
    aadObjectId: from?.aadObjectId,
    email: () =>
      (email ??= (async () => {
        if (ctx.activity.channelId === 'msteams') {
          try {
            const member = await TeamsInfo.getMember(ctx, from.id);
            return member.email ?? member.userPrincipalName ?? undefined;
          } catch {
            // not a member we can look up (e.g. a guest without e-mail): then only the AAD id counts
            return undefined;
          }
        }
        const data = ctx.activity.channelData as { email?: unknown } | undefined;
        return typeof data?.email === 'string' ? data.email : undefined;
      })()),
  };
}
