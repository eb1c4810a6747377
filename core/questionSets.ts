import { z } from 'zod';
import { ROLES } from './types';
import { localizedText } from './localizedText';

const scaleQuestion = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    type: z.literal('scale'),
    /** Catalogue theme id this question measures. */
    theme: z.string(),
    text: localizedText,
  })
  .strict();

const openQuestion = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    type: z.literal('open'),
    text: localizedText,
  })
  .strict();

export const questionSchema = z.discriminatedUnion('type', [scaleQuestion, openQuestion]);

export const questionSetSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    role: z.enum(ROLES),
    /** "session-check" scores the alliance convention and shows a summary; "check-in" is the parent set. */
    kind: z.enum(['session-check', 'check-in']),
    title: localizedText,
    questions: z.array(questionSchema).min(1).max(10),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    for (const q of s.questions) {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate question id "${q.id}"` });
      ids.add(q.id);
    }
  });

export const questionSetsSchema = z.object({ questionSets: z.array(questionSetSchema).min(1) }).strict();

export type Question = z.infer<typeof questionSchema>;
export type ScaleQuestion = z.infer<typeof scaleQuestion>;
export type QuestionSet = z.infer<typeof questionSetSchema>;

/** Scale answers run from 1 to 5; 5 is best. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
