import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Catalogue } from '../core/catalogue';
import { createThemeTagger } from '../core/themes/tagger';
import { LOCALES, type Locale } from '../core/types';

export interface ThemesDeps {
  catalogue: Catalogue;
  defaultLang: Locale;
}

const lineSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    text: z.string(),
    lang: z.enum(LOCALES).optional(),
  })
  .passthrough();

/**
 * Machine-readable reasons a line was skipped; the output is JSON for scripts, so these are
 * stable codes rather than prose.
 */
type LineError = 'invalid-json' | 'not-an-object' | 'invalid-fields';

function idOf(value: unknown): string | number | null {
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

function write(output: NodeJS.WritableStream, value: unknown): Promise<void> {
  return new Promise((resolve) => {
    if (output.write(`${JSON.stringify(value)}\n`)) resolve();
    else output.once('drain', resolve);
  });
}

/**
 * `npx hoormij themes`: JSON lines `{"id","text","lang"?}` in, the same lines with `themes` and
 * `sentiment` added out. A bad line becomes `{"id","line","error"}` and the run goes on; the exit
 * code is 1 when any line was bad.
 */
export async function runThemes(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, deps: ThemesDeps): Promise<number> {
  const tagger = createThemeTagger(deps.catalogue);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let bad = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    if (!raw.trim()) continue;
    let value: unknown;
    let error: LineError | null = null;
    let detail: string | undefined;
    try {
      value = JSON.parse(raw);
    } catch {
      error = 'invalid-json';
    }
    if (!error && (value === null || typeof value !== 'object' || Array.isArray(value))) error = 'not-an-object';
    let parsed: z.infer<typeof lineSchema> | undefined;
    if (!error) {
      const result = lineSchema.safeParse(value);
      if (result.success) parsed = result.data;
      else {
        error = 'invalid-fields';
        detail = result.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
      }
    }
    if (error || !parsed) {
      bad += 1;
      await write(output, { id: idOf(value), line: lineNumber, error: error ?? 'invalid-fields', ...(detail ? { detail } : {}) });
      continue;
    }
    const { themes, sentiment } = tagger.tag(parsed.text, parsed.lang ?? deps.defaultLang);
    await write(output, { ...parsed, themes, sentiment });
  }
  return bad > 0 ? 1 : 0;
}
