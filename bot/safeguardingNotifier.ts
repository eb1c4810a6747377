import { stillListed } from '../core/digest/leadKey';
import type { SafeguardingAlert, SafeguardingAlertOutcome, SafeguardingNotifier } from '../core/safeguarding/notifier';
import type { ConversationRef, Locale } from '../core/types';
import type { Store } from '../storage/port';
import type { AppContext, BotRuntime } from './appContext';
import { DEFAULT_RETRY, deliverProactive, type RetryOptions } from './digestDelivery';

/** Where the safeguarding contact of a project is reached; saved when they register in Teams. */
export interface SafeguardingContactRecord {
  ref: ConversationRef;
  locale: Locale;
  savedAt: string;
  /** leadKey() of the identifier they registered with; absent on records saved before it existed. */
  contactKey?: string;
}

/** Kept in the store's key-value state, outside the "p/<participant>/" keys that erasure removes. */
const keyOf = (project: string) => `safeguarding-contact/${project}`;

export async function saveSafeguardingContact(store: Store, project: string, record: SafeguardingContactRecord): Promise<void> {
  await store.botStorage.write({ [keyOf(project)]: { ...record, eTag: '*' } });
}

export async function loadSafeguardingContact(store: Store, project: string): Promise<SafeguardingContactRecord | undefined> {
  const items = await store.botStorage.read([keyOf(project)]);
  const item = items[keyOf(project)] as Partial<SafeguardingContactRecord> | undefined;
  if (!item?.ref || !item.locale) return undefined;
  return { ref: item.ref, locale: item.locale, savedAt: item.savedAt ?? '', ...(item.contactKey ? { contactKey: item.contactKey } : {}) };
}

type Registration = { state: 'not-configured' } | { state: 'not-registered' } | { state: 'replaced' } | { state: 'ready'; contact: SafeguardingContactRecord };

/** Whether the configured contact of a project has registered in Teams (and is still the configured one). */
async function registrationOf(app: AppContext, projectId: string): Promise<Registration> {
  const project = app.data.projects.get(projectId);
  if (!project?.safeguardingContact) return { state: 'not-configured' };
  const contact = await loadSafeguardingContact(app.store, project.id);
  if (!contact) return { state: 'not-registered' };
  // Whoever registered must still be the configured contact: a replaced contact gets nothing.
  if (contact.contactKey && !stillListed(app.secrets.pseudonymSecret, [project.safeguardingContact], contact.contactKey)) return { state: 'replaced' };
  return { state: 'ready', contact };
}

/**
 * Start-up: one warning per project that cannot alert anyone, so the organisation fixes it before a
 * young person needs it. Until then those young people get the helplines and are told to tell their
 * own worker or a trusted adult instead of being offered contact.
 */
export async function warnAboutSafeguardingContacts(app: AppContext): Promise<void> {
  for (const project of app.data.projects.values()) {
    const { state } = await registrationOf(app, project.id);
    if (state === 'not-configured') {
      app.logger.warn({ project: project.id }, 'no safeguarding contact configured (config/projects.json): young people in danger get the helplines but cannot ask to be contacted');
    } else if (state === 'not-registered') {
      app.logger.warn({ project: project.id }, 'safeguarding contact configured but not registered in Teams yet ("veiligheid aanmelden"): young people cannot ask to be contacted until they do');
    } else if (state === 'replaced') {
      app.logger.warn({ project: project.id }, 'registered safeguarding contact is no longer the configured one; the new contact must register in Teams');
    }
  }
}

/**
 * Alerts the project's safeguarding contact in Teams at once (not subject to the minimum
 * group size): project, team, session code and time. Never the text, never a channel id.
 */
export function createTeamsSafeguardingNotifier(
  app: AppContext,
  runtime: BotRuntime,
  options: { retry?: RetryOptions } = {},
): SafeguardingNotifier {
  return {
    async canDeliver(project: string): Promise<boolean> {
      return (await registrationOf(app, project)).state === 'ready';
    },
    async notify(alert: SafeguardingAlert): Promise<SafeguardingAlertOutcome> {
      const project = app.data.projects.get(alert.project);
      const registration = await registrationOf(app, alert.project);
      if (!project || registration.state !== 'ready') {
        app.logger.warn({ project: alert.project, state: registration.state }, 'safeguarding alert has nobody to go to');
        return 'no-contact';
      }
      const { contact } = registration;
      const t = app.translatorFor(contact.locale);
      const time = new Intl.DateTimeFormat(contact.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: project.timeZone }).format(
        new Date(alert.at),
      );
      const unknown = t('digest:safeguardingAlert.unknown');
      const text = [
        `**${t('digest:safeguardingAlert.title')}**`,
        t('digest:safeguardingAlert.body', { project: project.name[contact.locale] }),
        `${t('digest:safeguardingAlert.category')}: ${alert.categories.map((c) => t(`digest:safeguardingAlert.categories.${c}`)).join(', ') || unknown}`,
        `${t('digest:safeguardingAlert.team')}: ${alert.team ?? unknown}`,
        `${t('digest:safeguardingAlert.sessionCode')}: ${alert.sessionCode ?? unknown}`,
        `${t('digest:safeguardingAlert.time')}: ${time}`,
        t('digest:safeguardingAlert.note'),
      ].join('\n\n');
      const result = await deliverProactive(
        runtime.adapter,
        app.config.bot.appId ?? '',
        contact.ref,
        { type: 'message', text, textFormat: 'markdown', importance: 'urgent' },
        options.retry ?? DEFAULT_RETRY,
      );
      if (result.outcome !== 'sent') {
        app.logger.error({ project: project.id, outcome: result.outcome, status: result.status }, 'safeguarding alert not delivered');
        return 'failed';
      }
      await app.store.addAudit({ at: app.clock.now().toISOString(), actor: 'system', action: 'safeguarding-alert', target: project.id, rows: 1 });
      return 'sent';
    },
  };
}
