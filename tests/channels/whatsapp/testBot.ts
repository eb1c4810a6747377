import { ActivityHandler, type Activity, type CardAction } from 'botbuilder';
import type { AppContext } from '../../../bot/appContext';
import { participantCode, pseudonymize } from '../../../core/pseudonym';
import { toLocale } from '../../../locales';

/**
 * A small bot for channel tests, until/besides the real one: it records what it received and
 * answers commands that exercise every outbound shape and the participant lifecycle the real
 * bot drives (consent, stop, erasure) through the same store calls.
 */
export class RecordingBot extends ActivityHandler {
  readonly received: Partial<Activity>[] = [];
  app?: AppContext;

  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const activity = context.activity;
      this.received.push({ ...activity });
      const text = activity.text ?? '';
      const choices = (n: number): CardAction[] => Array.from({ length: n }, (_, i) => ({ type: 'imBack', title: `Keuze ${i + 1}`, value: `k${i + 1}` }));
      const pseudonym = this.app ? pseudonymize(this.app.secrets.pseudonymSecret, activity.channelId, activity.from.id) : '';
      const now = this.app?.clock.now().toISOString() ?? new Date().toISOString();
      switch (text) {
        case 'buttons':
          await context.sendActivity({ type: 'message', text: 'Kies er een', suggestedActions: { to: [], actions: choices(3) } });
          break;
        case 'list':
          await context.sendActivity({ type: 'message', text: 'Kies er een', suggestedActions: { to: [], actions: choices(5) } });
          break;
        case 'many':
          await context.sendActivity({ type: 'message', text: 'Kies er een', suggestedActions: { to: [], actions: choices(12) } });
          break;
        case 'two':
          await context.sendActivities([
            { type: 'typing' },
            { type: 'message', text: 'eerste' },
            { type: 'message', text: 'tweede' },
          ]);
          break;
        case 'ja':
          await this.app!.store.saveParticipant({
            id: pseudonym,
            code: participantCode(pseudonym),
            role: 'parent',
            locale: toLocale(activity.locale) ?? 'nl',
            consent: true,
            consentAt: now,
            optedOut: false,
            project: 'demo',
            team: null,
            channel: activity.channelId,
            createdAt: now,
            updatedAt: now,
          });
          await context.sendActivity('Dank je!');
          break;
        case 'english': {
          const p = await this.app!.store.getParticipant(pseudonym);
          if (p) await this.app!.store.saveParticipant({ ...p, locale: 'en', updatedAt: now });
          await context.sendActivity('OK');
          break;
        }
        case 'stop': {
          const p = await this.app!.store.getParticipant(pseudonym);
          if (p) await this.app!.store.saveParticipant({ ...p, optedOut: true, updatedAt: now });
          await context.sendActivity('Je krijgt niets meer.');
          break;
        }
        case 'verwijder':
          await this.app!.store.eraseParticipant(pseudonym);
          await context.sendActivity('Alles is gewist.');
          break;
        default:
          await context.sendActivity(`echo: ${text}`);
      }
      await next();
    });
  }
}
