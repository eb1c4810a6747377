import { helplinesFor } from '../safeguarding/helplines';
import type { Project } from '../projects';
import type { AllowedContacts } from './checkUpdate';

/**
 * What an update of this project may contain without being refused: the helplines of both
 * countries, the e-mail addresses in the project's own configuration, and the organisation's
 * contact details when they are configured.
 */
export function allowedContactsOf(project: Project, organisation: Partial<AllowedContacts> = {}): AllowedContacts {
  const projectEmails = [...project.leads, ...(project.safeguardingContact ? [project.safeguardingContact] : [])]
    .map((l) => l.email)
    .filter((e): e is string => !!e);
  return {
    phones: [...helplinesFor('NL'), ...helplinesFor('BE')].map((h) => h.number).concat(organisation.phones ?? []),
    emails: projectEmails.concat(organisation.emails ?? []),
  };
}
