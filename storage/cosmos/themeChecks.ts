import type { SqlParameter } from '@azure/cosmos';
import type { ThemeCheck } from '../../core/types';
import type { ThemeCheckFilter } from '../port';
import { cosmosId, responsePartition } from './ids';

/** A theme check in the partition of its answer's week, so the digest reads one partition. */
export interface ThemeCheckDoc extends ThemeCheck {
  id: string;
  pk: string;
  /** Indexed instead of `text` (retention finds the checks that still keep one). */
  hasText: boolean;
}

export function themeCheckDoc(c: ThemeCheck): ThemeCheckDoc {
  return { ...themeCheckFromDoc(c), id: cosmosId(`${c.response}|${c.by}`), pk: responsePartition(c.project, c.week), hasText: c.text !== null };
}

export function themeCheckFromDoc(d: ThemeCheck): ThemeCheck {
  return {
    response: d.response,
    project: d.project,
    week: d.week,
    participant: d.participant,
    by: d.by,
    guessed: d.guessed,
    themes: d.themes,
    text: d.text,
    locale: d.locale,
    answeredAt: d.answeredAt,
    at: d.at,
  };
}

/** The query for a filter, and the partition to keep it in when project and week are both given. */
export function themeCheckQuery(filter: ThemeCheckFilter): { query: string; parameters: SqlParameter[]; partition?: string } {
  const where: string[] = [];
  const parameters: SqlParameter[] = [];
  for (const field of ['project', 'week', 'by'] as const) {
    const value = filter[field];
    if (value === undefined) continue;
    // bracket notation: BY is a keyword of Cosmos DB's SQL
    where.push(`c["${field}"] = @${field}`);
    parameters.push({ name: `@${field}`, value });
  }
  const query = `SELECT * FROM c${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const partition = filter.project !== undefined && filter.week !== undefined ? responsePartition(filter.project, filter.week) : undefined;
  return { query, parameters, ...(partition ? { partition } : {}) };
}

/** The order of Store.listThemeChecks, applied in memory (no composite index for three fields). */
export function byAnsweredAt(a: ThemeCheck, b: ThemeCheck): number {
  return a.answeredAt.localeCompare(b.answeredAt) || a.response.localeCompare(b.response) || a.by.localeCompare(b.by);
}
