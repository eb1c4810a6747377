/**
 * Alerts a project's safeguarding contact at once when a young person asked to be contacted.
 * Carries no free text and no channel id: project, team, session code and time only.
 */
export interface SafeguardingAlert {
  project: string;
  team: string | null;
  sessionCode: string | null;
  at: string;
}

export type SafeguardingAlertOutcome = 'sent' | 'no-contact' | 'failed';

export interface SafeguardingNotifier {
  notify(alert: SafeguardingAlert): Promise<SafeguardingAlertOutcome>;
}
