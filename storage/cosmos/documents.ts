import type {
  AuditEntry,
  ContactRecord,
  DigestSubscription,
  Participant,
  ResponseRecord,
  SessionCode,
} from '../../core/types';
import type { DeliveryStatus, DigestClaim } from '../port';
import { cosmosId, digestClaimId, responsePartition } from './ids';

/**
 * How domain records map to Cosmos documents and back. Reading copies the domain fields one by
 * one, so Cosmos system properties (_rid, _etag, _ts, ...) and our helper fields (pk, codeKey,
 * hasText) never leak into the domain.
 */

export interface ParticipantDoc extends Participant {
  /** Upper-case code for the case-insensitive lookup. */
  codeKey: string;
}

export function participantDoc(p: Participant): ParticipantDoc {
  return { ...participantFromDoc(p), codeKey: p.code.toUpperCase() };
}

export function participantFromDoc(d: Participant): Participant {
  return {
    id: d.id,
    code: d.code,
    role: d.role,
    locale: d.locale,
    consent: d.consent,
    consentAt: d.consentAt,
    optedOut: d.optedOut,
    project: d.project,
    team: d.team,
    channel: d.channel,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export interface ResponseDoc extends Omit<ResponseRecord, 'id'> {
  id: string;
  /** The response's own id (the Cosmos id may be an encoded form of it). */
  responseId: string;
  pk: string;
  /** Indexed instead of `text` so that free text never enters an index. */
  hasText: boolean;
}

export function responseDoc(r: ResponseRecord): ResponseDoc {
  return {
    ...responseFromDoc({ ...r, responseId: r.id } as ResponseDoc),
    id: cosmosId(r.id),
    responseId: r.id,
    pk: responsePartition(r.project, r.week),
    hasText: r.text !== null,
  };
}

export function responseFromDoc(d: ResponseDoc): ResponseRecord {
  return {
    id: d.responseId,
    project: d.project,
    team: d.team,
    participant: d.participant,
    role: d.role,
    channel: d.channel,
    questionSet: d.questionSet,
    question: d.question,
    runId: d.runId,
    theme: d.theme,
    themes: [...d.themes],
    score: d.score,
    skipped: d.skipped,
    text: d.text,
    sentiment: d.sentiment,
    flagged: d.flagged,
    locale: d.locale,
    createdAt: d.createdAt,
    week: d.week,
  };
}

export interface SessionCodeDoc extends SessionCode {
  id: string;
}

export function sessionCodeDoc(c: SessionCode): SessionCodeDoc {
  const code = c.code.toUpperCase();
  return { id: cosmosId(code), code, project: c.project, team: c.team, createdAt: c.createdAt, expiresAt: c.expiresAt };
}

export function sessionCodeFromDoc(d: SessionCodeDoc): SessionCode {
  return { code: d.code, project: d.project, team: d.team, createdAt: d.createdAt, expiresAt: d.expiresAt };
}

export interface ContactDoc extends ContactRecord {
  id: string;
}

export function contactDoc(c: ContactRecord): ContactDoc {
  return { ...contactFromDoc(c as ContactDoc), id: cosmosId(c.channel) };
}

export function contactFromDoc(d: ContactDoc): ContactRecord {
  return {
    participant: d.participant,
    channel: d.channel,
    sealed: d.sealed,
    lastInboundAt: d.lastInboundAt,
    disabled: d.disabled,
    locale: d.locale,
    project: d.project,
    updatedAt: d.updatedAt,
  };
}

export interface SubscriptionDoc extends DigestSubscription {
  id: string;
}

export function subscriptionDoc(s: DigestSubscription): SubscriptionDoc {
  return { ...subscriptionFromDoc(s as SubscriptionDoc), id: cosmosId(s.lead) };
}

export function subscriptionFromDoc(d: SubscriptionDoc): DigestSubscription {
  return {
    project: d.project,
    lead: d.lead,
    ref: d.ref,
    locale: d.locale,
    createdAt: d.createdAt,
    ...(typeof d.leadKey === 'string' ? { leadKey: d.leadKey } : {}),
  };
}

export interface DigestClaimDoc extends DigestClaim {
  id: string;
}

export function digestClaimDoc(c: DigestClaim): DigestClaimDoc {
  return { ...digestClaimFromDoc(c as DigestClaimDoc), id: digestClaimId(c.project, c.week) };
}

export function digestClaimFromDoc(d: DigestClaimDoc): DigestClaim {
  return { project: d.project, week: d.week, owner: d.owner, claimedAt: d.claimedAt, sentAt: d.sentAt };
}

export interface DeliveryStatusDoc extends DeliveryStatus {
  id: string;
  pk: string;
}

export interface AuditDoc extends AuditEntry {
  id: string;
  /** Sortable insertion order: listAudit returns entries in the order they were added. */
  seq: string;
}

export function auditFromDoc(d: AuditDoc): AuditEntry {
  return { at: d.at, actor: d.actor, action: d.action, target: d.target, rows: d.rows };
}
