import type {
  AuditEntry,
  ContactRecord,
  DigestSubscription,
  Locale,
  Participant,
  ResponseRecord,
  Role,
  Sentiment,
  SessionCode,
} from '../../core/types';
import type { DigestClaim } from '../port';

/**
 * Column lists with camelCase aliases, so a row needs only its booleans and JSON fixed up.
 * SQLite has no boolean type: flags are stored as 0/1.
 */

export const PARTICIPANT_COLUMNS = `id, code, role, locale, consent, consent_at AS consentAt, opted_out AS optedOut,
  project, team, channel, created_at AS createdAt, updated_at AS updatedAt`;

export interface ParticipantRow {
  id: string;
  code: string;
  role: Role | null;
  locale: Locale | null;
  consent: 0 | 1 | null;
  consentAt: string | null;
  optedOut: 0 | 1;
  project: string;
  team: string | null;
  channel: string;
  createdAt: string;
  updatedAt: string;
}

export function participantFromRow(r: ParticipantRow): Participant {
  return {
    id: r.id,
    code: r.code,
    role: r.role,
    locale: r.locale,
    consent: r.consent === null ? null : r.consent === 1,
    consentAt: r.consentAt,
    optedOut: r.optedOut === 1,
    project: r.project,
    team: r.team,
    channel: r.channel,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function participantParams(p: Participant) {
  return {
    id: p.id,
    code: p.code,
    role: p.role,
    locale: p.locale,
    consent: p.consent === null ? null : p.consent ? 1 : 0,
    consentAt: p.consentAt,
    optedOut: p.optedOut ? 1 : 0,
    project: p.project,
    team: p.team,
    channel: p.channel,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export const RESPONSE_COLUMNS = `id, project, team, participant, role, channel, question_set, question, run_id,
  theme, themes, score, skipped, text, sentiment, flagged, locale, created_at, week`;

/**
 * A response row as better-sqlite3 returns it in raw (array) mode, in RESPONSE_COLUMNS order.
 * Digests read 200,000 rows at once; arrays cost half of what keyed row objects do.
 */
export type ResponseTuple = [
  id: string,
  project: string,
  team: string | null,
  participant: string,
  role: Role,
  channel: string,
  questionSet: string,
  question: string,
  runId: string,
  theme: string | null,
  themes: string,
  score: number | null,
  skipped: 0 | 1,
  text: string | null,
  sentiment: Sentiment | null,
  flagged: 0 | 1,
  locale: Locale,
  createdAt: string,
  week: string,
];

export function responseFromTuple(r: ResponseTuple): ResponseRecord {
  return {
    id: r[0],
    project: r[1],
    team: r[2],
    participant: r[3],
    role: r[4],
    channel: r[5],
    questionSet: r[6],
    question: r[7],
    runId: r[8],
    theme: r[9],
    // most answers carry no tags: skip the parser for the common case
    themes: r[10] === '[]' ? [] : (JSON.parse(r[10]) as string[]),
    score: r[11],
    skipped: r[12] === 1,
    text: r[13],
    sentiment: r[14],
    flagged: r[15] === 1,
    locale: r[16],
    createdAt: r[17],
    week: r[18],
  };
}

export function responseParams(r: ResponseRecord) {
  return {
    id: r.id,
    project: r.project,
    team: r.team,
    participant: r.participant,
    role: r.role,
    channel: r.channel,
    questionSet: r.questionSet,
    question: r.question,
    runId: r.runId,
    theme: r.theme,
    themes: r.themes.length === 0 ? '[]' : JSON.stringify(r.themes),
    score: r.score,
    skipped: r.skipped ? 1 : 0,
    text: r.text,
    sentiment: r.sentiment,
    flagged: r.flagged ? 1 : 0,
    locale: r.locale,
    createdAt: r.createdAt,
    week: r.week,
  };
}

export const SESSION_CODE_COLUMNS = `code, project, team, created_at AS createdAt, expires_at AS expiresAt`;
export type SessionCodeRow = SessionCode;

export const CONTACT_COLUMNS = `participant, channel, sealed, last_inbound_at AS lastInboundAt, disabled, locale,
  project, updated_at AS updatedAt`;

export interface ContactRow extends Omit<ContactRecord, 'disabled'> {
  disabled: 0 | 1;
}

export function contactFromRow(r: ContactRow): ContactRecord {
  return {
    participant: r.participant,
    channel: r.channel,
    sealed: r.sealed,
    lastInboundAt: r.lastInboundAt,
    disabled: r.disabled === 1,
    locale: r.locale,
    project: r.project,
    updatedAt: r.updatedAt,
  };
}

export function contactParams(c: ContactRecord) {
  return {
    participant: c.participant,
    channel: c.channel,
    sealed: c.sealed,
    lastInboundAt: c.lastInboundAt,
    disabled: c.disabled ? 1 : 0,
    locale: c.locale,
    project: c.project,
    updatedAt: c.updatedAt,
  };
}

export const SUBSCRIPTION_COLUMNS = `project, lead, ref, locale, created_at AS createdAt, lead_key AS leadKey`;

export interface SubscriptionRow extends Omit<DigestSubscription, 'ref' | 'leadKey'> {
  ref: string;
  leadKey: string | null;
}

export function subscriptionFromRow(r: SubscriptionRow): DigestSubscription {
  return {
    project: r.project,
    lead: r.lead,
    ref: JSON.parse(r.ref) as DigestSubscription['ref'],
    locale: r.locale,
    createdAt: r.createdAt,
    ...(r.leadKey !== null ? { leadKey: r.leadKey } : {}),
  };
}

export const DIGEST_CLAIM_COLUMNS = `project, week, owner, claimed_at AS claimedAt, sent_at AS sentAt`;
export type DigestClaimRow = DigestClaim;

export const AUDIT_COLUMNS = `at, actor, action, target, rows`;
export type AuditRow = AuditEntry;
