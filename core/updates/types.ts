import type { Locale, ThemeId } from '../types';

/**
 * What a project's team did with a recurring theme, written by one of its leads for everyone
 * who takes part: project data, never a participant's. Participants see it once, in their language.
 */
export interface ProjectUpdate {
  project: string;
  /** "U1", "U2", … per project, in the order the updates were posted. */
  id: string;
  theme: ThemeId;
  /** The digest week (ISO week) the lead answered. */
  week: string;
  /** At least one language; a missing language falls back to the other one. */
  text: Partial<Record<Locale, string>>;
  /** Keyed hash of the lead's configured identifier (core/digest/leadKey.ts), or "cli:<user>". */
  author: string;
  createdAt: string;
  changedAt: string | null;
  withdrawnAt: string | null;
  /** When the WhatsApp notice of this update was claimed (sent at most once per update). */
  noticeAt: string | null;
}

export type NewProjectUpdate = Pick<ProjectUpdate, 'project' | 'theme' | 'week' | 'text' | 'author' | 'createdAt'>;

/** "U12" → 12; anything else → undefined. */
export function updateNumber(id: string): number | undefined {
  const m = /^u(\d{1,9})$/i.exec(id.trim());
  return m ? Number(m[1]) : undefined;
}

export const updateId = (n: number): string => `U${n}`;

/** Newest first. */
export function byNewest(a: ProjectUpdate, b: ProjectUpdate): number {
  return (updateNumber(b.id) ?? 0) - (updateNumber(a.id) ?? 0);
}

export const isCurrent = (u: ProjectUpdate): boolean => u.withdrawnAt === null;

/** The text in the participant's language, else the one the lead wrote. */
export function updateText(u: ProjectUpdate, locale: Locale): string {
  return u.text[locale] ?? Object.values(u.text).find((t) => !!t) ?? '';
}
