import { z } from 'zod';

/** Text an organisation writes in its data files: every supported language is required. */
export const localizedText = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();
export const localizedList = z.object({ nl: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }).strict();
