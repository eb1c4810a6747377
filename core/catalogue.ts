import { z } from 'zod';
import { localizedText } from './localizedText';

/**
 * One theme of the catalogue; ids are a contract (see shared/reference/standards.md). What the
 * tagger learns from lives in core/themes/training/, not here.
 */
export const themeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    label: localizedText,
    description: localizedText,
    /** Quality4Children (EU) standard numbers this theme covers. */
    q4c: z.array(z.number().int().min(1).max(18)).default([]),
  })
  .strict();

export const catalogueSchema = z.object({ themes: z.array(themeSchema).min(1) }).strict();

export type Theme = z.infer<typeof themeSchema>;
export type Catalogue = z.infer<typeof catalogueSchema>;
