import type { SignalCategory } from './lexiconSchema';

/**
 * Alerts a project's safeguarding contact at once when a young person asked to be contacted.
 * Carries no free text and no channel id: category, project, team, session code and time only.
 */
export interface SafeguardingAlert {
  /** What kind of danger the message signalled (never the message itself). */
  categories: SignalCategory[];
  project: string;
  team: string | null;
  sessionCode: string | null;
  at: string;
}

export type SafeguardingAlertOutcome = 'sent' | 'no-contact' | 'failed';

export interface SafeguardingNotifier {
  notify(alert: SafeguardingAlert): Promise<SafeguardingAlertOutcome>;
  /**
   * True when an alert for this project can reach someone now: a contact is configured and has
   * registered. The bot only offers contact when it is; it never promises what it cannot do.
   */
  canDeliver(project: string): Promise<boolean>;
}
