import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ActivityHandler,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { AppContext } from '../../bot/appContext';
import { createTurnErrorHandler } from '../../bot/turnErrorHandler';
import type { Locale } from '../../core/types';
import { openedTurn, roleTranslator } from '../../dialogs/turn';
import { toLocale } from '../../locales';
import type { Choice } from './cardText';
import { CHANNEL, type ContactBook } from './contactBook';
import type { GraphApiClient, SendOutcome } from './graphClient';
import { renderActivity, type WhatsAppMessage } from './render';
import { templateMessage, type ProactiveKind } from './templates';

export const LOCALE_TAG: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Error code of a free-form message sent outside the 24-hour window. */
export const OUTSIDE_WINDOW = 131047;

const PROACTIVE = Symbol('whatsapp.proactive');
const TEMPLATED = Symbol('whatsapp.templated');
/**
 * How many sent message ids (so a late 131047 gets the right template) and open numbered
 * lists are kept in memory; the oldest go first.
 */
const SENT_MEMORY = 10_000;

export interface InboundTurn {
  messageId: string;
  waId: string;
  participant: string;
  text: string;
  at: Date;
  locale: Locale;
  /** Title of the tapped button or row, for the bot's information only. */
  title?: string;
  replyTo?: string;
  waType: string;
}

export interface SentRecord {
  kind: 'free' | 'template';
  proactive?: ProactiveKind;
}

/**
 * A botbuilder adapter for the WhatsApp Cloud API: webhook messages become activities on
 * channel "whatsapp" that run through the same ActivityHandler as every other channel, and
 * whatever the bot sends goes out through the Graph API — as a template when the 24-hour
 * window is closed. Sending never throws into a turn: failures are logged and reported as
 * empty resource ids.
 */
export class WhatsAppAdapter extends BotAdapter {
  readonly serviceUrl: string;
  private readonly numbered = new Map<string, Choice[]>();
  private readonly sent = new Map<string, SentRecord>();

  constructor(
    private readonly app: AppContext,
    private readonly bot: ActivityHandler,
    private readonly client: GraphApiClient,
    private readonly contacts: ContactBook,
  ) {
    super();
    const wa = app.config.whatsapp!;
    this.serviceUrl = `${wa.apiBaseUrl}/${wa.apiVersion}/${wa.phoneNumberId}`;
    this.onTurnError = createTurnErrorHandler(app);
  }

  /** Conversation ids carry the pseudonym, never the number: bot state is keyed by them. */
  conversationIdFor(participant: string): string {
    return `${CHANNEL}:${participant}`;
  }

  /** The reference for proactive turns (continueConversation) to this WhatsApp user. */
  referenceFor(waId: string, locale?: Locale): Partial<ConversationReference> {
    return {
      channelId: CHANNEL,
      serviceUrl: this.serviceUrl,
      conversation: { id: this.conversationIdFor(this.contacts.pseudonymOf(waId)), isGroup: false, conversationType: 'personal', name: '' },
      user: { id: waId, name: '', role: 'user' },
      bot: { id: this.app.config.whatsapp!.phoneNumberId, name: 'HoorMij', role: 'bot' },
      locale: locale ? LOCALE_TAG[locale] : undefined,
    };
  }

  /** What a message id we sent was, if it is still remembered. */
  sentRecord(messageId: string): SentRecord | undefined {
    return this.sent.get(messageId);
  }

  private remember(messageId: string, record: SentRecord): void {
    this.sent.set(messageId, record);
    if (this.sent.size > SENT_MEMORY) this.sent.delete(this.sent.keys().next().value!);
  }

  /** Runs the bot for one inbound message. */
  async runTurn(turn: InboundTurn): Promise<void> {
    const conversationId = this.conversationIdFor(turn.participant);
    const text = this.resolveNumbered(conversationId, turn.text);
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: turn.messageId,
      timestamp: turn.at,
      channelId: CHANNEL,
      serviceUrl: this.serviceUrl,
      from: { id: turn.waId, name: '', role: 'user' },
      recipient: { id: this.app.config.whatsapp!.phoneNumberId, name: 'HoorMij', role: 'bot' },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      text,
      textFormat: 'plain',
      locale: LOCALE_TAG[turn.locale],
      channelData: { whatsapp: { type: turn.waType, title: turn.title, replyTo: turn.replyTo } },
    };
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, (ctx) => this.bot.run(ctx));
  }

  /** A bare number typed after a numbered list stands for that choice's value. */
  private resolveNumbered(conversationId: string, text: string): string {
    const choices = this.numbered.get(conversationId);
    if (!choices) return text;
    this.numbered.delete(conversationId);
    const m = /^\s*(\d{1,3})\s*[.)]?\s*$/.exec(text);
    const index = m ? Number(m[1]) - 1 : -1;
    return index >= 0 && index < choices.length ? choices[index].value : text;
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    const proactive = context.turnState.get(PROACTIVE) === true;
    for (const activity of activities) {
      const to = activity.recipient?.id;
      if (activity.type !== ActivityTypes.Message || !to) {
        responses.push({ id: '' });
        continue;
      }
      const participant = this.contacts.pseudonymOf(to);
      const locale = toLocale(activity.locale) ?? toLocale(context.activity.locale) ?? this.app.config.defaultLocale;
      // A parent gets the channel's own hints with "u" too, like everything the dialogs say.
      const t = roleTranslator(this.app.translatorFor(locale), () => openedTurn(context)?.profile.role);
      const rendered = renderActivity(activity, t);
      const conversationId = activity.conversation?.id ?? this.conversationIdFor(participant);
      if (rendered.numbered) {
        this.numbered.set(conversationId, rendered.numbered);
        if (this.numbered.size > SENT_MEMORY) this.numbered.delete(this.numbered.keys().next().value!);
      }

      if (proactive && rendered.messages.length) {
        const contact = await this.contacts.get(participant);
        if (!this.contacts.insideWindow(contact)) {
          // Outside the window only a template reaches the user; one per proactive turn is enough.
          if (!context.turnState.get(TEMPLATED)) {
            context.turnState.set(TEMPLATED, true);
            const outcome = await this.sendTemplateIfAllowed(to, participant, 'reminder', contact?.locale ?? locale);
            responses.push({ id: outcome?.ok ? outcome.messageId : '' });
          } else {
            responses.push({ id: '' });
          }
          continue;
        }
      }

      let lastId = '';
      for (const message of rendered.messages) {
        const outcome = await this.sendFree(to, participant, message);
        if (outcome.ok) lastId = outcome.messageId;
        else if (outcome.code === OUTSIDE_WINDOW && !context.turnState.get(TEMPLATED)) {
          context.turnState.set(TEMPLATED, true);
          await this.sendTemplateIfAllowed(to, participant, 'reminder', locale);
          break;
        } else if (!outcome.ok && outcome.code === OUTSIDE_WINDOW) break;
      }
      responses.push({ id: lastId });
    }
    return responses;
  }

  /** Read receipt (and typing indicator while a reply is coming) for an incoming message; never throws. */
  markRead(messageId: string, participant: string, typing: boolean): void {
    void this.client.markRead(messageId, typing, participant);
  }

  /** Sends one rendered message and remembers it; never throws. */
  async sendFree(to: string, participant: string, message: WhatsAppMessage, proactive?: ProactiveKind): Promise<SendOutcome> {
    const outcome = await this.client.send(to, message, participant);
    if (outcome.ok) this.remember(outcome.messageId, { kind: message.type === 'template' ? 'template' : 'free', proactive });
    return outcome;
  }

  /** The configured template for this kind, in the participant's language, with the project's name. */
  async sendTemplate(to: string, participant: string, kind: ProactiveKind, locale: Locale | null): Promise<SendOutcome | undefined> {
    const wa = this.app.config.whatsapp!;
    const stored = await this.app.store.getParticipant(participant);
    const lng = stored?.locale ?? locale ?? this.app.config.defaultLocale;
    const project = (stored && this.app.data.projects.get(stored.project)) ?? this.app.data.defaultProject;
    const message = templateMessage(kind === 'invite' ? wa.templateInvite : wa.templateReminder, lng, project.name[lng]);
    const outcome = await this.client.send(to, message, participant);
    if (outcome.ok) this.remember(outcome.messageId, { kind: 'template', proactive: kind });
    return outcome;
  }

  /**
   * A template goes only to someone with an active contact record (consent given, not opted
   * out, not do-not-contact): business-initiated messages need that permission.
   */
  async sendTemplateIfAllowed(to: string, participant: string, kind: ProactiveKind, locale: Locale | null): Promise<SendOutcome | undefined> {
    const [stored, contact] = await Promise.all([this.app.store.getParticipant(participant), this.contacts.get(participant)]);
    if (!contact || contact.disabled || !(await this.contacts.mayContact(stored))) {
      this.app.logger.info({ participant, kind }, 'whatsapp template not sent: participant may not be contacted');
      return undefined;
    }
    return this.sendTemplate(to, participant, kind, locale ?? contact.locale);
  }

  override async updateActivity(): Promise<void> {
    // WhatsApp cannot edit a sent message; the bot sends a new one instead.
  }

  override async deleteActivity(): Promise<void> {
    // WhatsApp has no delete for business messages.
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    const context = new TurnContext(this, activity);
    context.turnState.set(PROACTIVE, true);
    await this.runMiddleware(context, logic);
  }

  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: string | ((context: TurnContext) => Promise<void>),
    maybeLogic?: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new Error('continueConversationAsync needs a logic callback');
    await this.continueConversation(reference, logic);
  }
}
