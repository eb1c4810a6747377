import { Cron } from 'croner';
import { z } from 'zod';
import { localizedText } from './localizedText';

/** A lead may subscribe to a project's digest; matched by AAD object id or e-mail. */
const leadSchema = z
  .object({ aadObjectId: z.string().optional(), email: z.string().email().optional() })
  .strict()
  .refine((l) => l.aadObjectId || l.email, 'a lead needs aadObjectId or email');

export const projectSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: localizedText,
    /** Decides the helplines shown on a safeguarding signal. */
    country: z.enum(['NL', 'BE']),
    timeZone: z.string().default('Europe/Amsterdam'),
    questionSets: z.object({ youth: z.string(), parent: z.string() }).strict(),
    teams: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/)).default([]),
    leads: z.array(leadSchema).default([]),
    /**
     * Per team, who may hand out session codes from Teams (matched like leads). A team missing
     * here has no professionals yet; the operator's `npx hoormij code` still works for it.
     */
    professionals: z.record(z.string(), z.array(leadSchema)).default({}),
    /** How long a session code a professional makes in Teams stays valid. */
    sessionCodeValidDays: z.number().int().min(1).max(365).default(30),
    /** Weekly digest schedule (croner pattern, project time zone). */
    digestCron: z.string().default('0 8 * * 1'),
    /** Someone in Teams who gets an alert at once when a young person asks to be contacted. */
    safeguardingContact: leadSchema.optional(),
    /** Days between periodic check-in invitations (WhatsApp). */
    checkInEveryDays: z.number().int().min(1).max(365).default(28),
    /** Whether the participant is asked which theme a remark is mainly about, per role (default on). */
    confirmThemes: z
      .object({ youth: z.boolean().default(true), parent: z.boolean().default(true) })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((p, ctx) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: p.timeZone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: `project "${p.id}": unknown time zone "${p.timeZone}"` });
      return;
    }
    // Checked here, so a bad schedule stops start-up with the file and project named, not a croner TypeError later.
    try {
      new Cron(p.digestCron, { paused: true, timezone: p.timeZone }).stop();
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['digestCron'], message: `project "${p.id}": digestCron "${p.digestCron}" is not a valid schedule (${(err as Error).message.replace(/^CronPattern: /, '')})` });
    }
    for (const team of Object.keys(p.professionals)) {
      if (!p.teams.includes(team)) ctx.addIssue({ code: 'custom', path: ['professionals', team], message: `"${team}" is not one of the project's teams` });
    }
  });

export const projectsSchema = z
  .object({ defaultProject: z.string(), projects: z.array(projectSchema).min(1) })
  .strict();

export type Project = z.infer<typeof projectSchema>;
export type Lead = z.infer<typeof leadSchema>;
