import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { isListed } from '../core/digest/leadCommands';
import { organisationContact } from '../core/organisation';
import type { Project } from '../core/projects';
import { parseSessionCodeRequest } from '../core/sessionCodeRequest';
import { newSessionCodes } from '../core/sessionCodes';
import type { Translate } from '../core/translate';
import { LOCALES, type Locale } from '../core/types';
import { sessionCodeCard } from '../cards/sessionCodeMessage';
import { toLocale } from '../locales';
import type { AppContext, TurnInterceptor } from './appContext';
import { leadIdentityOf } from './digestIdentity';

interface Membership {
  project: Project;
  team: string;
}

/** The words for "code" in every language, so "sessiecode" works in an English Teams client too. */
function codeWords(app: AppContext): string[] {
  const all = LOCALES.flatMap((l) => app.translatorFor(l)('sessionCode:words.code').split('|'));
  return [...new Set(all.map((w) => w.trim()).filter(Boolean))];
}

/**
 * `code` / `sessiecode` / `code <team>` from a professional in Teams: a fresh session code for
 * their team as a card they can show or read out. Only Teams counts, and who is asking is what
 * Teams vouches for (bot/digestIdentity.ts), never what the message claims; on other channels
 * the message goes on to the participant dialogs like any other text.
 */
export function createProfessionalCommands(app: AppContext): TurnInterceptor {
  const words = codeWords(app);

  return async (ctx) => {
    const a = ctx.activity;
    if (a.type !== 'message' || a.channelId !== 'msteams') return false;
    const submitted = (a.value as { hoormijCommand?: unknown } | undefined)?.hoormijCommand;
    const request = parseSessionCodeRequest(a.text || (typeof submitted === 'string' ? submitted : undefined), words);
    if (!request) return false;

    const locale: Locale = toLocale(a.locale) ?? app.config.defaultLocale;
    const t = app.translatorFor(locale);
    const mine = await membershipsOf(ctx);
    if (mine.length === 0) {
      const contact = organisationContact(app.data.organisation);
      await ctx.sendActivity(t('sessionCode:teams.notListed', { contact: contact.name, email: contact.email }));
      return true;
    }
    const fitting = request.team ? mine.filter((m) => m.team === request.team) : mine;
    if (fitting.length === 0) {
      await ctx.sendActivity(t('sessionCode:teams.notYourTeam', { team: request.team, teams: mine.map((m) => m.team).join(', ') }));
      return true;
    }
    if (fitting.length > 1) {
      const commands = [...new Set(fitting.map((m) => commandFor(t, m.team)))];
      await ctx.sendActivity(MessageFactory.suggestedActions(commands, t('sessionCode:teams.chooseTeam')));
      return true;
    }
    await sendCode(ctx, fitting[0], locale, t);
    return true;
  };

  async function membershipsOf(ctx: TurnContext): Promise<Membership[]> {
    const identity = await leadIdentityOf(ctx, Boolean(app.config.bot.appId));
    const out: Membership[] = [];
    for (const project of app.data.projects.values()) {
      for (const [team, people] of Object.entries(project.professionals)) {
        if (await isListed(people, identity)) out.push({ project, team });
      }
    }
    return out;
  }

  async function sendCode(ctx: TurnContext, m: Membership, locale: Locale, t: Translate): Promise<void> {
    const [code] = newSessionCodes({ project: m.project.id, team: m.team, validDays: m.project.sessionCodeValidDays, count: 1, now: app.clock.now() });
    await app.store.addSessionCodes([code]);
    app.logger.info({ event: 'session-code-issued', project: m.project.id, team: m.team }, 'session code made in Teams');
    const card = await sessionCodeCard(code, m.project, { url: app.config.publicBaseUrl, configured: app.config.publicBaseUrlSet }, { locale, t }, commandFor(t, m.team));
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.summary = card.fallbackText;
    await ctx.sendActivity(activity);
  }
}

function commandFor(t: Translate, team: string): string {
  return `${t('sessionCode:words.code').split('|')[0]} ${team}`;
}
