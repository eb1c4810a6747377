import type { Storage } from 'botbuilder';
import type {
  AuditEntry,
  Checker,
  ContactRecord,
  DigestSubscription,
  ExportFilter,
  Participant,
  ResponseRecord,
  ScoreAggregate,
  SessionCode,
  ThemeCheck,
  ThemeId,
} from '../core/types';
import type { NewProjectUpdate, ProjectUpdate } from '../core/updates/types';

/** What a participant's erasure removed, for the audit log and the reply. */
export interface ErasureResult {
  responses: number;
  participant: boolean;
  contacts: number;
  botState: number;
  themeChecks: number;
  /** Markers of which project updates the participant saw (the updates themselves stay). */
  updateViews: number;
}

export interface ThemeCheckFilter {
  project?: string;
  /** ISO week of the answers. */
  week?: string;
  by?: Checker;
}

export interface DigestClaim {
  project: string;
  week: string;
  owner: string;
  claimedAt: string;
  sentAt: string | null;
}

/** How many people tagged one theme in the free text of one week. */
export interface ThemeMentionCount {
  theme: ThemeId;
  /** Distinct respondents with at least one answer tagged with the theme. */
  respondents: number;
  /** Answers tagged with the theme. */
  mentions: number;
}

/** The free text of one project-week reduced to counts, for theme trends without loading rows. */
export interface WeekThemeMentions {
  week: string;
  /**
   * Distinct respondents who wrote free text: an answer with text, tags or a sentiment (so still
   * counted after retention removed the text itself). The denominator of a theme's share.
   */
  writers: number;
  /** Ordered by theme id. */
  themes: ThemeMentionCount[];
}

export interface DeliveryStatus {
  channel: string;
  messageId: string;
  status: string;
  errorCode: number | null;
  at: string;
}

/** A verified webhook delivery, kept from before it is acknowledged until it is processed. */
export interface InboxEntry {
  channel: string;
  /** A keyed hash of the delivery: the same delivery retried has the same id. */
  id: string;
  /** The delivery as received, sealed with the contact key: it holds phone numbers and free text. */
  payload: string;
  receivedAt: string;
}

/**
 * The storage port. Every method is atomic on its own (one transaction in SQLite, one
 * document or one partition batch in Cosmos). Implementations: storage/sqlite, storage/cosmos.
 */
export interface Store {
  readonly kind: 'sqlite' | 'cosmos';

  /** Creates tables/containers if missing and runs migrations. Idempotent. */
  init(): Promise<void>;
  /** Throws when the store is unreachable or cannot write (used by /healthz and the apology). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /**
   * botbuilder Storage for ConversationState/UserState, with MemoryStorage's eTag rules.
   * Keys start with "p/<pseudonym>/" so that erasure can remove all state of a participant.
   */
  readonly botStorage: Storage;

  getParticipant(id: string): Promise<Participant | undefined>;
  findParticipantByCode(code: string): Promise<Participant | undefined>;
  saveParticipant(p: Participant): Promise<void>;

  /** Stores one answer; an answer with the same id replaces the stored one (a retried turn). */
  addResponse(r: ResponseRecord): Promise<void>;
  /**
   * Stores many responses at once and returns how many were new. A row whose id is already stored
   * is left as it is (first write wins), so running a batch again after a failure completes it
   * without duplicates or stale overwrites. SQLite: one transaction (all or nothing). Cosmos: one
   * create per row, not atomic as a whole; see docs/cosmos.md.
   */
  addResponses(rows: ResponseRecord[]): Promise<number>;
  /** All responses of one project in one ISO week (project time zone), any order. */
  listResponsesForWeek(project: string, week: string): Promise<ResponseRecord[]>;
  /** Score sums per (week, theme, role) over the given weeks, for trends without loading rows. */
  scoreAggregates(project: string, weeks: string[]): Promise<ScoreAggregate[]>;
  /**
   * Free-text theme counts per week over the given weeks, for theme trends without loading rows:
   * one entry per distinct week, in the order asked, also for a week without free text.
   */
  themeMentions(project: string, weeks: string[]): Promise<WeekThemeMentions[]>;
  listResponsesOfParticipant(participant: string): Promise<ResponseRecord[]>;
  /** Streams responses ordered by createdAt, then id. */
  exportResponses(filter: ExportFilter): AsyncIterable<ResponseRecord>;
  /**
   * Sets text = null on responses created before the ISO instant, and on theme checks of answers
   * given before it; returns rows changed.
   */
  purgeTextBefore(instant: string): Promise<number>;

  /** Stores a check; one for the same (response, by) is replaced. */
  saveThemeCheck(c: ThemeCheck): Promise<void>;
  /** Checks matching every given field of the filter, ordered by answeredAt, then response. */
  listThemeChecks(filter: ThemeCheckFilter): Promise<ThemeCheck[]>;

  /** Removes responses, theme checks, the participant, contacts and bot state ("p/<id>/..."); keeps audit. */
  eraseParticipant(id: string): Promise<ErasureResult>;
  /** Non-identifying marker (the pseudonym only) kept after erasure of someone who opted out. */
  setDoNotContact(participant: string, on: boolean): Promise<void>;
  isDoNotContact(participant: string): Promise<boolean>;

  addSessionCodes(codes: SessionCode[]): Promise<void>;
  getSessionCode(code: string): Promise<SessionCode | undefined>;

  getContact(participant: string, channel: string): Promise<ContactRecord | undefined>;
  saveContact(c: ContactRecord): Promise<void>;
  listContacts(project: string, channel: string): Promise<ContactRecord[]>;

  saveSubscription(s: DigestSubscription): Promise<void>;
  deleteSubscription(project: string, lead: string): Promise<boolean>;
  /** Subscriptions of one project, or of all projects when project is undefined. */
  listSubscriptions(project?: string): Promise<DigestSubscription[]>;

  /**
   * Claims the digest of (project, week) for `owner` at instant `at`; true for exactly one caller
   * at a time, across instances. A missing claim is created. With `leaseMs`, a claim that was not
   * marked sent and was made more than leaseMs before `at` is stale (its owner crashed between
   * claiming and sending) and is taken over by exactly one caller, who becomes the owner with
   * claimedAt = at. Without leaseMs, and for a claim marked sent, an existing claim is never
   * taken over. The lease must outlast the slowest send, or a slow owner and its successor both send.
   */
  claimDigest(project: string, week: string, owner: string, at: string, leaseMs?: number): Promise<boolean>;
  markDigestSent(project: string, week: string, at: string): Promise<void>;
  getDigestClaim(project: string, week: string): Promise<DigestClaim | undefined>;

  /** Webhook dedup: true the first time (channel, id) is seen, false ever after. */
  markMessageSeen(channel: string, messageId: string, at: string): Promise<boolean>;
  /** Whether markMessageSeen(channel, id) was called (and not yet pruned); marks nothing. */
  wasMessageSeen(channel: string, messageId: string): Promise<boolean>;

  /**
   * At-least-once webhooks: keeps a delivery before the HTTP answer, until completeInbox. True
   * when it is new, false when an entry with the same (channel, id) is already waiting (kept as is).
   */
  addToInbox(e: InboxEntry): Promise<boolean>;
  /** Waiting deliveries of a channel, oldest first, at most `limit`. */
  listInbox(channel: string, limit: number): Promise<InboxEntry[]>;
  /** Forgets a processed delivery; an id that is not waiting is ignored. */
  completeInbox(channel: string, id: string): Promise<void>;
  recordDeliveryStatus(s: DeliveryStatus): Promise<void>;
  /**
   * Forgets seen-message markers, delivery statuses and inbox entries (deliveries that kept
   * failing) recorded before `instant`; returns how many.
   * Cosmos DB expires them itself (container TTL, see storage/cosmos/containers.ts) and returns 0.
   */
  pruneChannelRecordsBefore(instant: string): Promise<number>;

  /** Stores a lead's update under the project's next id (U1, U2, …), unique across instances. */
  addUpdate(u: NewProjectUpdate): Promise<ProjectUpdate>;
  getUpdate(project: string, id: string): Promise<ProjectUpdate | undefined>;
  /** Every update of the project, withdrawn ones too, oldest first. */
  listUpdates(project: string): Promise<ProjectUpdate[]>;
  /** Replaces a stored update (new text, withdrawn); false when there is none with that id. */
  reviseUpdate(u: ProjectUpdate): Promise<boolean>;
  /** Remembers that the participant was shown these updates; seeing one again changes nothing. */
  markUpdatesSeen(participant: string, project: string, ids: string[], at: string): Promise<void>;
  /** Ids of the project's updates the participant was shown. */
  seenUpdates(participant: string, project: string): Promise<string[]>;
  /** Per update id of the project: how many distinct participants were shown it (ids never seen are absent). */
  updateReach(project: string): Promise<Record<string, number>>;
  /** True for exactly one caller per update: who may send its WhatsApp notice. */
  claimUpdateNotice(project: string, id: string, at: string): Promise<boolean>;

  addAudit(e: AuditEntry): Promise<void>;
  listAudit(): Promise<AuditEntry[]>;
}
