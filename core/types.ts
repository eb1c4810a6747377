/**
 * The domain vocabulary shared by every layer. No botbuilder import here: core/ must
 * survive a move from the Bot Framework SDK to the Microsoft 365 Agents SDK.
 */

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['youth', 'parent'] as const;
export type Role = (typeof ROLES)[number];

export const SENTIMENTS = ['positive', 'negative', 'mixed', 'neutral'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** A theme id from the catalogue (config/themes.json), e.g. "waiting". */
export type ThemeId = string;

/** Participant as stored: a keyed pseudonym, never a channel user id, name or number. */
export interface Participant {
  /** HMAC-SHA256(secret, channel + ":" + userId), lowercase hex. */
  id: string;
  /** Short code derived from the pseudonym that a participant can quote to an operator. */
  code: string;
  role: Role | null;
  locale: Locale | null;
  /** null = not asked yet. */
  consent: boolean | null;
  consentAt: string | null;
  optedOut: boolean;
  /** Project and team of the last session code used (or the default project). */
  project: string;
  team: string | null;
  /** Channel of first contact ("msteams", "directline", "whatsapp", "emulator", ...). */
  channel: string;
  createdAt: string;
  updatedAt: string;
}

/** One stored answer to one question. */
export interface ResponseRecord {
  id: string;
  project: string;
  team: string | null;
  participant: string;
  role: Role;
  channel: string;
  questionSet: string;
  /** Question id within the set. */
  question: string;
  /** Groups the answers of one check-in run (one session check, one parent check-in). */
  runId: string;
  /** The question's theme id (scored questions), or null (open question). */
  theme: ThemeId | null;
  /** Themes tagged on free text. */
  themes: ThemeId[];
  score: number | null;
  skipped: boolean;
  /** Scrubbed free text, or null. Removed by retention after RETENTION_DAYS. */
  text: string | null;
  sentiment: Sentiment | null;
  /** Safeguarding signal in the free text. */
  flagged: boolean;
  locale: Locale;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** ISO week of createdAt in the project's time zone, e.g. "2026-W47" (indexed for digests). */
  week: string;
}

/** Who gave their word on the themes of an answer. */
export const CHECKERS = ['participant', 'operator'] as const;
export type Checker = (typeof CHECKERS)[number];

/**
 * A person's word on the themes of one free-text answer: the participant who wrote it tapped a
 * theme (or "iets anders") in the confirmation step, or an operator confirmed or corrected the
 * tags in `npx hoormij themes review`. One per (answer, checker); a later one replaces it.
 */
export interface ThemeCheck {
  /** The answer (ResponseRecord.id). */
  response: string;
  project: string;
  /** The answer's ISO week (its digest). */
  week: string;
  participant: string;
  by: Checker;
  /** What the tagger said: the themes offered to the participant, or the stored tags an operator saw. */
  guessed: ThemeId[];
  /**
   * The themes the answer is about in the checker's words. A participant names the one it is
   * mainly about, or none ("iets anders": every guess was wrong); an operator gives the full set.
   */
  themes: ThemeId[];
  /**
   * The scrubbed text, kept only with an operator's check so the tagger can learn from it at its
   * next start; cleared by retention like the answer's own text.
   */
  text: string | null;
  locale: Locale;
  /** When the answer was given (retention counts from here), ISO 8601 UTC. */
  answeredAt: string;
  /** When the check was made. */
  at: string;
}

export interface SessionCode {
  /** Six characters from SESSION_CODE_ALPHABET, stored upper case. */
  code: string;
  project: string;
  team: string | null;
  createdAt: string;
  expiresAt: string;
}

/** Stored address of a Teams (or other) conversation for proactive messages. */
export interface ConversationRef {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  bot: { id: string; name?: string };
  user?: { id: string; name?: string; aadObjectId?: string };
  locale?: string;
}

export interface DigestSubscription {
  project: string;
  /** Pseudonym of the lead (HMAC of channel + user id); the address lives in ref. */
  lead: string;
  ref: ConversationRef;
  locale: Locale;
  createdAt: string;
  /**
   * Keyed hash of the configured identifier (AAD object id or e-mail) the lead was recognised by:
   * the digest stops once the project's leads no longer include it. Absent on subscriptions saved
   * before it existed; those are not checked.
   */
  leadKey?: string;
}

export interface AuditEntry {
  at: string;
  /** "cli:<os user>" or "participant" or "system". */
  actor: string;
  action: 'export' | 'erase' | 'retention' | 'digest-sent' | 'safeguarding-alert' | 'theme-review';
  /** What was affected, without personal data (a pseudonym or project id at most). */
  target: string;
  rows: number;
}

/** Encrypted contact data kept apart from answers (e.g. a WhatsApp number), AES-256-GCM. */
export interface ContactRecord {
  participant: string;
  channel: string;
  /** base64(iv | tag | ciphertext) */
  sealed: string;
  lastInboundAt: string | null;
  disabled: boolean;
  locale: Locale | null;
  project: string;
  updatedAt: string;
}

export interface ExportFilter {
  project?: string;
  /** ISO date or date-time; responses created at or after it. */
  since?: string;
}

/** Sum and count of scores, for averages without loading every row. */
export interface ScoreAggregate {
  week: string;
  theme: ThemeId;
  role: Role;
  sum: number;
  count: number;
  respondents: number;
}
