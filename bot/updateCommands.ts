import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { recognisedAs, type LeadIdentity } from '../core/digest/leadCommands';
import { leadKey } from '../core/digest/leadKey';
import { isValidWeek } from '../core/isoWeek';
import type { Project } from '../core/projects';
import type { Translate, TranslatorFactory } from '../core/translate';
import { LOCALES, type Locale } from '../core/types';
import { allowedContactsOf } from '../core/updates/allowedContacts';
import { updateProblem } from '../core/updates/checkUpdate';
import { parseLeadUpdateCommand, type LeadUpdateCommand, type UpdateVocabulary } from '../core/updates/leadUpdateCommand';
import { currentUpdates } from '../core/updates/pickUpdates';
import { problemText } from '../core/updates/problemText';
import type { ProjectUpdate } from '../core/updates/types';
import { changeUpdateCard, UPDATE_INPUT, UPDATE_SUBMIT, type UpdateSubmit } from '../cards/digestUpdates';
import { toLocale } from '../locales';
import type { AppContext, TurnInterceptor } from './appContext';
import { LEAD_CHANNELS, leadIdentityOf } from './digestIdentity';

const WORDS = ['update', 'change', 'withdraw'] as const;

export function updateVocabulary(translatorFor: TranslatorFactory): UpdateVocabulary {
  const vocab = {} as UpdateVocabulary;
  for (const lng of LOCALES) {
    const t = translatorFor(lng);
    vocab[lng] = Object.fromEntries(WORDS.map((w) => [w, t(`digest:words.${w}`).split('|').map((s) => s.trim()).filter(Boolean)])) as UpdateVocabulary['nl'];
  }
  return vocab;
}

/** The card's submit, if this value is one: anything else in `value` is not ours. */
function readSubmit(value: unknown): (UpdateSubmit & { own: string; other: string }) | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const kind = v[UPDATE_SUBMIT];
  if (kind !== 'post' && kind !== 'change') return undefined;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const lang = (LOCALES as readonly string[]).includes(str(v.lang)) ? (str(v.lang) as Locale) : 'nl';
  return {
    [UPDATE_SUBMIT]: kind,
    project: str(v.project),
    theme: str(v.theme),
    week: str(v.week),
    lang,
    ...(typeof v.id === 'string' ? { id: v.id } : {}),
    own: str(v[UPDATE_INPUT.own]).trim(),
    other: str(v[UPDATE_INPUT.other]).trim(),
  };
}

const other = (l: Locale): Locale => LOCALES.find((x) => x !== l) ?? l;

/**
 * What project leads do with an update in Teams: post one from the digest card ("Reageer"),
 * change or withdraw one (`update wijzigen U3`, `update intrekken U3`). Who they are comes from
 * Teams (the AAD object id Teams sends, or the member look-up through the connector), never
 * from the card's data: a project named in the submit is only a question, answered by the
 * project's list of leads.
 */
export function createUpdateCommands(app: AppContext): TurnInterceptor {
  const vocab = updateVocabulary(app.translatorFor);

  return async (ctx) => {
    const a = ctx.activity;
    if (a.type !== 'message') return false;
    const submit = readSubmit(a.value);
    const command = submit ? undefined : parseLeadUpdateCommand(a.text, vocab);
    if (!submit && !command) return false;
    const locale: Locale = submit?.lang ?? command?.locale ?? toLocale(a.locale) ?? app.config.defaultLocale;
    const t = app.translatorFor(locale);
    if (!LEAD_CHANNELS.has(a.channelId)) {
      await ctx.sendActivity(t('digest:commands.teamsOnly'));
      return true;
    }
    // what Teams (or the loopback connector without MicrosoftAppId) vouches for, never the card
    const identity = await leadIdentityOf(ctx, Boolean(app.config.bot.appId));
    const session = new LeadSession(app, ctx, t, locale, identity);
    if (submit) await session.submitted(submit);
    else await session.command(command!);
    return true;
  };
}

class LeadSession {
  constructor(
    private readonly app: AppContext,
    private readonly ctx: TurnContext,
    private readonly t: Translate,
    private readonly locale: Locale,
    private readonly identity: LeadIdentity,
  ) {}

  private say(text: string) {
    return this.ctx.sendActivity(text);
  }

  /** The identifier this person is a lead of `p` by, else undefined (and they are told). */
  private async leadOf(p: Project | undefined, project: string): Promise<string | undefined> {
    if (!p) {
      await this.say(this.t('digest:commands.unknownProject', { project }));
      return undefined;
    }
    const as = await recognisedAs(p.leads, this.identity);
    if (!as) await this.say(this.t('digest:update.notLead', { project: p.name[this.locale] }));
    return as;
  }

  private themeName(theme: string): string {
    return this.app.data.themes.get(theme)?.label[this.locale] ?? theme;
  }

  /** Both texts checked: too long, empty, or personal data gets a message and stores nothing. */
  private async checkedTexts(p: Project, s: { lang: Locale; own: string; other: string }): Promise<ProjectUpdate['text'] | undefined> {
    const problem = updateProblem([s.own, s.other], allowedContactsOf(p, this.app.data.organisation));
    if (problem) {
      await this.say(problemText(this.t, problem));
      return undefined;
    }
    // only the other language written: it is the text for everyone
    return s.own ? { [s.lang]: s.own, ...(s.other ? { [other(s.lang)]: s.other } : {}) } : { [other(s.lang)]: s.other };
  }

  async submitted(s: UpdateSubmit & { own: string; other: string }): Promise<void> {
    const p = this.app.data.projects.get(s.project);
    const as = await this.leadOf(p, s.project);
    if (!p || !as) return;
    const texts = await this.checkedTexts(p, s);
    if (!texts) return;
    const now = this.app.clock.now().toISOString();
    if (s[UPDATE_SUBMIT] === 'change') {
      const existing = s.id ? await this.app.store.getUpdate(p.id, s.id) : undefined;
      if (!existing || existing.withdrawnAt) {
        await this.say(this.t('digest:update.notFound', { id: s.id ?? '?' }));
        return;
      }
      await this.app.store.reviseUpdate({ ...existing, text: texts, changedAt: now });
      this.app.logger.info({ project: p.id, update: existing.id }, 'project update changed');
      await this.say(this.t('digest:update.changed', { id: existing.id }));
      return;
    }
    if (!this.app.data.themes.has(s.theme) || !isValidWeek(s.week)) {
      await this.say(this.t('digest:update.badCard'));
      return;
    }
    const saved = await this.app.store.addUpdate({
      project: p.id,
      theme: s.theme,
      week: s.week,
      text: texts,
      author: leadKey(this.app.secrets.pseudonymSecret, as),
      createdAt: now,
    });
    this.app.logger.info({ project: p.id, update: saved.id, theme: saved.theme }, 'project update posted');
    await this.say(this.t('digest:update.saved', { id: saved.id, theme: this.themeName(saved.theme) }));
  }

  /** The open updates of the projects this person leads (of `project` only, when named). */
  private async openUpdates(project?: string): Promise<{ project: Project; update: ProjectUpdate }[]> {
    const out: { project: Project; update: ProjectUpdate }[] = [];
    for (const p of this.app.data.projects.values()) {
      if (project && p.id !== project) continue;
      if (!(await recognisedAs(p.leads, this.identity))) continue;
      for (const u of currentUpdates(await this.app.store.listUpdates(p.id))) out.push({ project: p, update: u });
    }
    return out;
  }

  private commandText(c: LeadUpdateCommand, id: string, project?: string): string {
    const first = (key: string) => this.t(key).split('|')[0];
    return [first('digest:words.update'), first(`digest:words.${c.kind}`), id, project].filter(Boolean).join(' ');
  }

  async command(c: LeadUpdateCommand): Promise<void> {
    if (c.project) {
      const p = this.app.data.projects.get(c.project);
      if (!(await this.leadOf(p, c.project))) return;
    }
    const open = await this.openUpdates(c.project);
    const matches = c.id ? open.filter((o) => o.update.id === c.id) : open;
    if (matches.length === 0) {
      await this.say(c.id ? this.t('digest:update.notFound', { id: c.id }) : this.t('digest:update.noneOpen'));
      return;
    }
    if (matches.length > 1) {
      const severalProjects = new Set(matches.map((m) => m.project.id)).size > 1;
      const choices = matches.map((m) => this.commandText(c, m.update.id, severalProjects ? m.project.id : undefined));
      await this.ctx.sendActivity(MessageFactory.suggestedActions(choices, this.t('digest:update.choose')));
      return;
    }
    const { project, update } = matches[0];
    if (c.kind === 'withdraw') {
      await this.app.store.reviseUpdate({ ...update, withdrawnAt: this.app.clock.now().toISOString() });
      this.app.logger.info({ project: project.id, update: update.id }, 'project update withdrawn');
      await this.say(this.t('digest:update.withdrawn', { id: update.id }));
      return;
    }
    const card = changeUpdateCard(this.t, update, this.themeName(update.theme));
    await this.ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  }
}
