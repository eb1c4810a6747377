import { MessageFactory, TurnContext, type Activity } from 'botbuilder';
import { computeDigest } from '../core/digest';
import { isListed, parseLeadCommand, recognisedAs, type LeadCommand, type LeadVocabulary } from '../core/digest/leadCommands';
import { leadKey } from '../core/digest/leadKey';
import { lastCompletedWeek } from '../core/isoWeek';
import type { Project } from '../core/projects';
import { pseudonymize } from '../core/pseudonym';
import type { Translate, TranslatorFactory } from '../core/translate';
import { LOCALES, type ConversationRef, type Locale } from '../core/types';
import { digestActivity } from '../cards/digestActivity';
import { toLocale } from '../locales';
import type { AppContext, BotRuntime, TurnInterceptor } from './appContext';
import { LEAD_CHANNELS, leadIdentityOf } from './digestIdentity';
import { saveSafeguardingContact } from './safeguardingNotifier';

const WORDS = ['digest', 'subscribe', 'now', 'unsubscribe', 'help', 'safeguarding'] as const;

export function leadVocabulary(translatorFor: TranslatorFactory): LeadVocabulary {
  const vocab = {} as LeadVocabulary;
  for (const lng of LOCALES) {
    const t = translatorFor(lng);
    vocab[lng] = Object.fromEntries(WORDS.map((w) => [w, t(`digest:words.${w}`).split('|').map((s) => s.trim()).filter(Boolean)])) as LeadVocabulary['nl'];
  }
  return vocab;
}

/** Only what a proactive message needs: no user name, no user id. */
export function storedReference(activity: Partial<Activity>): ConversationRef {
  const ref = TurnContext.getConversationReference(activity);
  return {
    channelId: ref.channelId ?? '',
    serviceUrl: ref.serviceUrl ?? '',
    conversation: {
      id: ref.conversation?.id ?? '',
      tenantId: ref.conversation?.tenantId,
      conversationType: ref.conversation?.conversationType,
      isGroup: ref.conversation?.isGroup,
    },
    bot: { id: ref.bot?.id ?? '', name: ref.bot?.name },
  };
}

/** The first word of each vocabulary entry, to show a lead a command they can tap. */
function commandText(t: Translate, verb: 'now' | 'unsubscribe' | 'subscribe', project: string): string {
  const first = (key: string) => t(key).split('|')[0];
  return `${first('digest:words.digest')} ${first(`digest:words.${verb}`)} ${project}`;
}

/**
 * The Teams commands of project leads and safeguarding contacts, handled before the
 * participant dialogs. Any other message returns false, so participants never notice it.
 */
export function createDigestCommands(app: AppContext, _runtime: BotRuntime): TurnInterceptor {
  const vocab = leadVocabulary(app.translatorFor);

  return async (ctx) => {
    const a = ctx.activity;
    if (a.type !== 'message') return false;
    const submitted = (a.value as { hoormijCommand?: unknown } | undefined)?.hoormijCommand;
    const command = parseLeadCommand(a.text || (typeof submitted === 'string' ? submitted : undefined), vocab);
    if (!command) return false;

    const locale: Locale = command.locale ?? toLocale(a.locale) ?? app.config.defaultLocale;
    const t = app.translatorFor(locale);
    if (!LEAD_CHANNELS.has(a.channelId)) {
      await ctx.sendActivity(t('digest:commands.teamsOnly'));
      return true;
    }
    const lead = pseudonymize(app.secrets.pseudonymSecret, a.channelId, a.from.id);
    const identity = await leadIdentityOf(ctx, Boolean(app.config.bot.appId));
    const name = (p: Project) => p.name[locale];
    const projectsLed = async () => {
      const mine: Project[] = [];
      for (const p of app.data.projects.values()) if (await isListed(p.leads, identity)) mine.push(p);
      return mine;
    };
    const followed = async () => (await app.store.listSubscriptions()).filter((s) => s.lead === lead && app.data.projects.has(s.project));

    /** Unknown project, or not listed as lead: says so and returns undefined. */
    const authorised = async (id: string | undefined, example: 'subscribe' | 'now'): Promise<Project | undefined> => {
      if (!id) {
        await ctx.sendActivity(t('digest:commands.needProject', { example: commandText(t, example, app.data.defaultProject.id) }));
        return undefined;
      }
      const p = app.data.projects.get(id);
      if (!p) {
        const mine = await projectsLed();
        const hint = mine.length ? ` ${t('digest:commands.yourProjects', { projects: mine.map((m) => m.id).join(', ') })}` : '';
        await ctx.sendActivity(`${t('digest:commands.unknownProject', { project: id })}${hint}`);
        return undefined;
      }
      if (!(await isListed(p.leads, identity))) {
        await ctx.sendActivity(t('digest:commands.notLead', { project: name(p) }));
        return undefined;
      }
      return p;
    };

    const choose = async (verb: 'now' | 'unsubscribe', ids: string[]) => {
      await ctx.sendActivity(MessageFactory.suggestedActions(ids.map((id) => commandText(t, verb, id)), t('digest:commands.choose')));
    };

    const sendNow = async (p: Project) => {
      const week = lastCompletedWeek(app.clock.now(), p.timeZone);
      const digest = await computeDigest(app.store, app.data, p.id, week, { k: app.config.kAnonymity, now: app.clock.now() });
      await ctx.sendActivity(digestActivity(digest, t));
    };

    switch (command.kind) {
      case 'help':
        await ctx.sendActivity(t('digest:commands.help'));
        return true;

      case 'subscribe': {
        const p = await authorised(command.project, 'subscribe');
        if (!p) return true;
        // authorised() found them listed; the identity remembers the e-mail look-up, so this costs no call
        const as = await recognisedAs(p.leads, identity);
        await app.store.saveSubscription({
          project: p.id,
          lead,
          ref: storedReference(a),
          locale,
          createdAt: app.clock.now().toISOString(),
          ...(as ? { leadKey: leadKey(app.secrets.pseudonymSecret, as) } : {}),
        });
        app.logger.info({ project: p.id, lead: lead.slice(0, 12) }, 'digest subscription saved');
        await ctx.sendActivity(t('digest:commands.subscribed', { project: name(p), id: p.id }));
        return true;
      }

      case 'now': {
        if (command.project) {
          const p = await authorised(command.project, 'now');
          if (p) await sendNow(p);
          return true;
        }
        const subs = await followed();
        const candidates = subs.length ? [...new Set(subs.map((s) => s.project))] : (await projectsLed()).map((p) => p.id);
        if (candidates.length === 1) {
          const p = await authorised(candidates[0], 'now');
          if (p) await sendNow(p);
        } else if (candidates.length > 1) await choose('now', candidates);
        else await ctx.sendActivity(t('digest:commands.nothingFollowed'));
        return true;
      }

      case 'unsubscribe': {
        let id = command.project;
        if (!id) {
          const subs = await followed();
          if (subs.length > 1) {
            await choose('unsubscribe', subs.map((s) => s.project));
            return true;
          }
          if (subs.length === 0) {
            await ctx.sendActivity(t('digest:commands.nothingFollowed'));
            return true;
          }
          id = subs[0].project;
        }
        const p = app.data.projects.get(id);
        const label = p ? name(p) : id;
        const removed = await app.store.deleteSubscription(id, lead);
        await ctx.sendActivity(t(removed ? 'digest:commands.unsubscribed' : 'digest:commands.notSubscribed', { project: label }));
        return true;
      }

      case 'safeguardingSubscribe':
        await subscribeSafeguarding(command);
        return true;
    }

    async function subscribeSafeguarding(c: Extract<LeadCommand, { kind: 'safeguardingSubscribe' }>): Promise<void> {
      const p = c.project ? app.data.projects.get(c.project) : undefined;
      if (!c.project || !p) {
        await ctx.sendActivity(c.project ? t('digest:commands.unknownProject', { project: c.project }) : t('digest:commands.needProject', { example: `${t('digest:words.safeguarding').split('|')[0]} ${t('digest:words.subscribe').split('|')[0]} ${app.data.defaultProject.id}` }));
        return;
      }
      const as = p.safeguardingContact ? await recognisedAs([p.safeguardingContact], identity) : undefined;
      if (!as) {
        await ctx.sendActivity(t('digest:commands.notSafeguardingContact', { project: name(p) }));
        return;
      }
      await saveSafeguardingContact(app.store, p.id, {
        ref: storedReference(a),
        locale,
        savedAt: app.clock.now().toISOString(),
        contactKey: leadKey(app.secrets.pseudonymSecret, as),
      });
      await ctx.sendActivity(t('digest:commands.safeguardingSubscribed', { project: name(p) }));
    }
  };
}
