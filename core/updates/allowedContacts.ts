import { organisationContact, privacyOfficer, type Organisation } from '../organisation';
import { helplinesFor } from '../safeguarding/helplines';
import type { Project } from '../projects';
import type { AllowedContacts } from './checkUpdate';

/**
 * What an update of this project may contain without being refused: the helplines of both
 * countries, the e-mail addresses in the project's own configuration, and the organisation's
 * contact details when they are configured.
 */
export function allowedContactsOf(project: Project, organisation: Organisation): AllowedContacts {
  const projectEmails = [...project.leads, ...(project.safeguardingContact ? [project.safeguardingContact] : [])]
    .map((l) => l.email)
    .filter((e): e is string => !!e);
  const org = [organisationContact(organisation), privacyOfficer(organisation)];
  return {
    phones: [...helplinesFor('NL'), ...helplinesFor('BE')].map((h) => h.number).concat(org.flatMap((c) => (c.phone ? [c.phone] : []))),
    emails: projectEmails.concat(org.map((c) => c.email)),
  };
}
