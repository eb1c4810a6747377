import { z } from 'zod';

const person = z
  .object({
    name: z.string().min(1),
    email: z.string().email(),
    phone: z.string().min(3).optional(),
  })
  .strict();

/**
 * config/organisation.json: who runs this HoorMij. The privacy and terms pages name them, and
 * people who need a human (a participant with a question, a professional in Teams) are sent to
 * `contact`. `demo: true` marks the shipped example values; the pages then say so.
 */
export const organisationSchema = z
  .object({
    $comment: z.string().optional(),
    demo: z.boolean(),
    name: z.string().min(1),
    contact: person.extend({ website: z.string().url().optional() }).strict(),
    privacyOfficer: person,
  })
  .strict();

export type Organisation = z.infer<typeof organisationSchema>;

/** A person or desk to reach, as pages and messages show it. */
export interface Contact {
  name: string;
  email: string;
  phone?: string;
  website?: string;
}

/** Where participants and professionals reach the organisation. */
export function organisationContact(org: Organisation): Contact {
  return { ...org.contact };
}

/** The privacy officer (functionaris gegevensbescherming) a participant may write to. */
export function privacyOfficer(org: Organisation): Contact {
  return { ...org.privacyOfficer };
}
