import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { LeadIdentity } from '../core/digest/leadCommands';
import { isLoopbackUrl } from './activityValidation';

/**
 * Channels on which lead and safeguarding-contact commands are offered at all: Teams, and the
 * Bot Framework Emulator of an operator. Elsewhere (web chat, WhatsApp) they are refused outright.
 */
export const LEAD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'emulator']);

/** Nobody: matches no configured lead or contact. */
const NOBODY: LeadIdentity = { email: async () => undefined };

/**
 * Who sent this turn, as far as something other than the activity body vouches for it. Nothing
 * in the body counts on its own: not channelData.email, not from.aadObjectId, not a name.
 *
 * - With MicrosoftAppId the adapter has verified Azure Bot Service's token, so a Teams activity's
 *   from.aadObjectId is what Teams says; the e-mail comes from TeamsInfo.getMember (on demand).
 *   Other channels (also the Emulator, whose caller holds our own credentials) vouch for nobody.
 * - Without MicrosoftAppId anyone can post any activity, so the AAD object id and the e-mail are
 *   only what TeamsInfo.getMember answers, and only when the serviceUrl is on loopback (a
 *   connector on this machine, as in development and in the tests); a serviceUrl elsewhere would
 *   let the caller answer the look-up themselves. See docs/identity.md.
 */
export async function leadIdentityOf(ctx: TurnContext, authenticated: boolean): Promise<LeadIdentity> {
  const { channelId, from, serviceUrl } = ctx.activity;
  if (authenticated) {
    if (channelId !== 'msteams') return NOBODY;
    let email: Promise<string | undefined> | undefined;
    return {
      aadObjectId: from?.aadObjectId,
      email: () => (email ??= lookUp(ctx).then((m) => m?.email)),
    };
  }
  if (!serviceUrl || !isLoopbackUrl(serviceUrl)) return NOBODY;
  const member = await lookUp(ctx);
  if (!member) return NOBODY;
  return { aadObjectId: member.aadObjectId, email: async () => member.email };
}

async function lookUp(ctx: TurnContext): Promise<{ aadObjectId?: string; email?: string } | undefined> {
  try {
    const member = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
    return { aadObjectId: member.aadObjectId ?? undefined, email: member.email ?? member.userPrincipalName ?? undefined };
  } catch {
    // not a member the connector knows (or no connector at all): then nobody is recognised
    return undefined;
  }
}
