import type { ResponseRecord } from '../core/types';

/** Column order of the export, a contract for researchers' scripts. */
export const EXPORT_COLUMNS = [
  'id', 'project', 'team', 'participant', 'role', 'channel', 'questionSet', 'question', 'runId', 'theme',
  'themes', 'score', 'skipped', 'text', 'sentiment', 'flagged', 'locale', 'createdAt', 'week',
] as const satisfies readonly (keyof ResponseRecord)[];

export function toJsonLine(r: ResponseRecord): string {
  const o: Record<string, unknown> = {};
  for (const c of EXPORT_COLUMNS) o[c] = r[c];
  return `${JSON.stringify(o)}\n`;
}

/** UTF-8 byte order mark: Dutch Excel needs it to read accents right. */
export const CSV_BOM = '\uFEFF';

export function csvHeader(): string {
  return `${EXPORT_COLUMNS.join(';')}\r\n`;
}

export function toCsvLine(r: ResponseRecord): string {
  return `${EXPORT_COLUMNS.map((c) => csvCell(r[c])).join(';')}\r\n`;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? v.join(',') : String(v);
  // Quote anything Excel could misread; a leading = + - @ would be a formula (CSV injection).
  const needsQuote = /[;"\r\n]/.test(s) || /^[=+\-@\t]/.test(s);
  const safe = /^[=+\-@\t]/.test(s) ? `'${s}` : s;
  return needsQuote ? `"${safe.replace(/"/g, '""')}"` : safe;
}
