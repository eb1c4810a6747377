import { mkdirSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import type {
  AuditEntry,
  ContactRecord,
  DigestSubscription,
  ExportFilter,
  Participant,
  ResponseRecord,
  ScoreAggregate,
  SessionCode,
  ThemeCheck,
} from '../../core/types';
import type { NewProjectUpdate, ProjectUpdate } from '../../core/updates/types';
import { staleClaimCutoff } from '../digestClaimLease';
import type { DeliveryStatus, DigestClaim, ErasureResult, InboxEntry, Store, ThemeCheckFilter, ThemeMentionCount, WeekThemeMentions } from '../port';
import { SqliteBotStorage } from './botStateStorage';
import { migrate } from './migrations';
import { SqliteProjectUpdates } from './projectUpdates';
import { SqliteThemeChecks } from './themeChecks';
import {
  AUDIT_COLUMNS,
  type AuditRow,
  CONTACT_COLUMNS,
  type ContactRow,
  contactFromRow,
  contactParams,
  DIGEST_CLAIM_COLUMNS,
  type DigestClaimRow,
  PARTICIPANT_COLUMNS,
  type ParticipantRow,
  participantFromRow,
  participantParams,
  RESPONSE_COLUMNS,
  type ResponseTuple,
  responseFromTuple,
  responseParams,
  SESSION_CODE_COLUMNS,
  type SessionCodeRow,
  SUBSCRIPTION_COLUMNS,
  type SubscriptionRow,
  subscriptionFromRow,
} from './rows';
import { toInstant } from '../instant';

/** Rows fetched per export page: big enough to be cheap, small enough to stream. */
const EXPORT_PAGE = 1000;
/** How long a writer waits for another process's transaction before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** The upper bound of every key starting with `prefix`: the prefix with its last char + 1. */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

type Stmt<P extends unknown[] | object, R = unknown> = Statement<P, R>;

/** Switches a statement to array rows; the row type says which tuple comes back. */
function raw<P extends unknown[] | object, R>(stmt: Statement<unknown[], unknown>): Statement<P, R> {
  return stmt.raw(true) as unknown as Statement<P, R>;
}

/**
 * The embedded default store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so
 * each method runs to completion (one transaction) before the event loop moves on; other
 * processes on the same file are kept out by SQLite's locks (IMMEDIATE transactions for
 * read-then-write work, busy_timeout for waiting).
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly botStorage: SqliteBotStorage;
  private readonly db: Database;
  private closed = false;

  private readonly s: {
    ping: Stmt<[], unknown>;
    healthWrite: Stmt<[string]>;
    getParticipant: Stmt<[string], ParticipantRow>;
    findParticipantByCode: Stmt<[string], ParticipantRow>;
    saveParticipant: Stmt<ReturnType<typeof participantParams>>;
    addResponse: Stmt<ReturnType<typeof responseParams>>;
    addResponseIfNew: Stmt<ReturnType<typeof responseParams>>;
    listWeek: Stmt<[string, string], ResponseTuple>;
    aggregates: Stmt<[string, string], ScoreAggregate>;
    writers: Stmt<[string, string], { week: string; writers: number }>;
    themeMentions: Stmt<[string, string], ThemeMentionCount & { week: string }>;
    listOfParticipant: Stmt<[string], ResponseTuple>;
    exportPage: Stmt<[string, string, number], ResponseTuple>;
    exportProjectPage: Stmt<[string, string, string, number], ResponseTuple>;
    purgeText: Stmt<[string]>;
    deleteResponsesOf: Stmt<[string]>;
    deleteParticipant: Stmt<[string]>;
    deleteContactsOf: Stmt<[string]>;
    deleteBotStateRange: Stmt<[string, string]>;
    addDoNotContact: Stmt<[string]>;
    removeDoNotContact: Stmt<[string]>;
    isDoNotContact: Stmt<[string], { one: 1 }>;
    addSessionCode: Stmt<SessionCode>;
    getSessionCode: Stmt<[string], SessionCodeRow>;
    getContact: Stmt<[string, string], ContactRow>;
    saveContact: Stmt<ReturnType<typeof contactParams>>;
    listContacts: Stmt<[string, string], ContactRow>;
    saveSubscription: Stmt<[string, string, string, string, string, string | null]>;
    deleteSubscription: Stmt<[string, string]>;
    listSubscriptions: Stmt<[], SubscriptionRow>;
    listSubscriptionsOf: Stmt<[string], SubscriptionRow>;
    claimDigest: Stmt<[string, string, string, string]>;
    claimOrTakeOverDigest: Stmt<[string, string, string, string, string]>;
    markDigestSent: Stmt<[string, string, string]>;
    getDigestClaim: Stmt<[string, string], DigestClaimRow>;
    markSeen: Stmt<[string, string, string]>;
    wasSeen: Stmt<[string, string], unknown>;
    addInbox: Stmt<[string, string, string, string]>;
    listInbox: Stmt<[string, number], InboxEntry>;
    completeInbox: Stmt<[string, string]>;
    pruneInbox: Stmt<[string]>;
    recordDelivery: Stmt<[string, string, string, number | null, string]>;
    pruneSeen: Stmt<[string]>;
    pruneDeliveries: Stmt<[string]>;
    addAudit: Stmt<[string, string, string, string, number]>;
    listAudit: Stmt<[], AuditRow>;
  };

  private readonly checks: SqliteThemeChecks;
  private readonly updates: SqliteProjectUpdates;
  private readonly purgeTextTx: (before: string) => number;
  private readonly eraseTx: (id: string) => ErasureResult;
  private readonly addSessionCodesTx: (codes: SessionCode[]) => void;
  private readonly pruneTx: (before: string) => number;
  private readonly addResponsesTx: (rows: ResponseRecord[]) => number;

  constructor(readonly file: string) {
    try {
      this.db = new BetterSqlite3(file);
    } catch (e) {
      throw new Error(`Cannot open SQLite store at ${file}: ${(e as Error).message}`, { cause: e });
    }
    const db = this.db;
    // WAL: readers never block the writer; NORMAL: a commit survives a process crash (not a
    // power cut mid-checkpoint), which is what the issue asks, without an fsync per turn.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`SQLite store at ${file} could not switch to WAL (got ${String(mode)})`);
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    // Erasure and retention must not leave the deleted text readable in free pages of the file.
    db.pragma('secure_delete = ON');
    migrate(db, file);

    this.s = {
      ping: db.prepare('SELECT 1'),
      healthWrite: db.prepare('INSERT INTO health (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at'),
      getParticipant: db.prepare(`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE id = ?`),
      findParticipantByCode: db.prepare(`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE code = ?`),
      saveParticipant: db.prepare(`
        INSERT INTO participants (id, code, role, locale, consent, consent_at, opted_out, project, team, channel, created_at, updated_at)
        VALUES (@id, @code, @role, @locale, @consent, @consentAt, @optedOut, @project, @team, @channel, @createdAt, @updatedAt)
        ON CONFLICT(id) DO UPDATE SET code = excluded.code, role = excluded.role, locale = excluded.locale,
          consent = excluded.consent, consent_at = excluded.consent_at, opted_out = excluded.opted_out,
          project = excluded.project, team = excluded.team, channel = excluded.channel,
          created_at = excluded.created_at, updated_at = excluded.updated_at`),
      // An answer given again for the same (run, question) replaces the earlier one: see answerId().
      addResponse: db.prepare(`
        INSERT INTO responses (id, project, team, participant, role, channel, question_set, question, run_id, theme,
          themes, score, skipped, text, sentiment, flagged, locale, created_at, week)
        VALUES (@id, @project, @team, @participant, @role, @channel, @questionSet, @question, @runId, @theme,
          @themes, @score, @skipped, @text, @sentiment, @flagged, @locale, @createdAt, @week)
        ON CONFLICT(id) DO UPDATE SET project = excluded.project, team = excluded.team, participant = excluded.participant,
          role = excluded.role, channel = excluded.channel, question_set = excluded.question_set, question = excluded.question,
          run_id = excluded.run_id, theme = excluded.theme, themes = excluded.themes, score = excluded.score,
          skipped = excluded.skipped, text = excluded.text, sentiment = excluded.sentiment, flagged = excluded.flagged,
          locale = excluded.locale, created_at = excluded.created_at, week = excluded.week`),
      addResponseIfNew: db.prepare(`
        INSERT INTO responses (id, project, team, participant, role, channel, question_set, question, run_id, theme,
          themes, score, skipped, text, sentiment, flagged, locale, created_at, week)
        VALUES (@id, @project, @team, @participant, @role, @channel, @questionSet, @question, @runId, @theme,
          @themes, @score, @skipped, @text, @sentiment, @flagged, @locale, @createdAt, @week)
        ON CONFLICT(id) DO NOTHING`),
      listWeek: raw<[string, string], ResponseTuple>(db.prepare(`SELECT ${RESPONSE_COLUMNS} FROM responses WHERE project = ? AND week = ?`)),
      // weeks arrive as one JSON array so that a single prepared statement serves any number
      aggregates: db.prepare(`
        SELECT week, theme, role, SUM(score) AS sum, COUNT(score) AS count, COUNT(DISTINCT participant) AS respondents
        FROM responses
        WHERE project = ? AND week IN (SELECT value FROM json_each(?)) AND score IS NOT NULL AND theme IS NOT NULL
        GROUP BY week, theme, role`),
      // the same test as isFreeText in core/digest: text, tags or a sentiment (text may be purged)
      writers: db.prepare(`
        SELECT week, COUNT(DISTINCT participant) AS writers
        FROM responses
        WHERE project = ? AND week IN (SELECT value FROM json_each(?))
          AND (text IS NOT NULL OR themes <> '[]' OR sentiment IS NOT NULL)
        GROUP BY week`),
      // one row per (answer, tag); untagged answers ('[]', most of them) are skipped before json_each
      themeMentions: db.prepare(`
        SELECT r.week AS week, t.value AS theme, COUNT(DISTINCT r.participant) AS respondents, COUNT(DISTINCT r.id) AS mentions
        FROM responses AS r, json_each(r.themes) AS t
        WHERE r.project = ? AND r.week IN (SELECT value FROM json_each(?)) AND r.themes <> '[]'
        GROUP BY r.week, t.value
        ORDER BY r.week, t.value`),
      listOfParticipant: raw<[string], ResponseTuple>(db.prepare(`SELECT ${RESPONSE_COLUMNS} FROM responses WHERE participant = ?`)),
      // keyset pagination: no open cursor between pages, so other calls can use the connection
      exportPage: raw<[string, string, number], ResponseTuple>(
        db.prepare(`
        SELECT ${RESPONSE_COLUMNS} FROM responses INDEXED BY responses_created
        WHERE (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`),
      ),
      exportProjectPage: raw<[string, string, string, number], ResponseTuple>(
        db.prepare(`
        SELECT ${RESPONSE_COLUMNS} FROM responses INDEXED BY responses_project_created
        WHERE project = ? AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`),
      ),
      purgeText: db.prepare('UPDATE responses SET text = NULL WHERE created_at < ? AND text IS NOT NULL'),
      deleteResponsesOf: db.prepare('DELETE FROM responses WHERE participant = ?'),
      deleteParticipant: db.prepare('DELETE FROM participants WHERE id = ?'),
      deleteContactsOf: db.prepare('DELETE FROM contacts WHERE participant = ?'),
      deleteBotStateRange: db.prepare('DELETE FROM bot_state WHERE key >= ? AND key < ?'),
      addDoNotContact: db.prepare('INSERT OR IGNORE INTO do_not_contact (participant) VALUES (?)'),
      removeDoNotContact: db.prepare('DELETE FROM do_not_contact WHERE participant = ?'),
      isDoNotContact: db.prepare('SELECT 1 AS one FROM do_not_contact WHERE participant = ?'),
      addSessionCode: db.prepare(`
        INSERT INTO session_codes (code, project, team, created_at, expires_at)
        VALUES (@code, @project, @team, @createdAt, @expiresAt)
        ON CONFLICT(code) DO UPDATE SET project = excluded.project, team = excluded.team,
          created_at = excluded.created_at, expires_at = excluded.expires_at`),
      getSessionCode: db.prepare(`SELECT ${SESSION_CODE_COLUMNS} FROM session_codes WHERE code = ?`),
      getContact: db.prepare(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE participant = ? AND channel = ?`),
      saveContact: db.prepare(`
        INSERT INTO contacts (participant, channel, sealed, last_inbound_at, disabled, locale, project, updated_at)
        VALUES (@participant, @channel, @sealed, @lastInboundAt, @disabled, @locale, @project, @updatedAt)
        ON CONFLICT(participant, channel) DO UPDATE SET sealed = excluded.sealed,
          last_inbound_at = excluded.last_inbound_at, disabled = excluded.disabled, locale = excluded.locale,
          project = excluded.project, updated_at = excluded.updated_at`),
      listContacts: db.prepare(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE project = ? AND channel = ?`),
      saveSubscription: db.prepare(`
        INSERT INTO subscriptions (project, lead, ref, locale, created_at, lead_key) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(project, lead) DO UPDATE SET ref = excluded.ref, locale = excluded.locale, created_at = excluded.created_at,
          lead_key = excluded.lead_key`),
      deleteSubscription: db.prepare('DELETE FROM subscriptions WHERE project = ? AND lead = ?'),
      listSubscriptions: db.prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions ORDER BY project, created_at, lead`),
      listSubscriptionsOf: db.prepare(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE project = ? ORDER BY created_at, lead`,
      ),
      claimDigest: db.prepare(
        'INSERT OR IGNORE INTO digest_claims (project, week, owner, claimed_at, sent_at) VALUES (?, ?, ?, ?, NULL)',
      ),
      // One statement, so create and takeover are a single atomic step: of racing callers only
      // the first sees the stale row; the rest see its new claimed_at and change nothing.
      claimOrTakeOverDigest: db.prepare(`
        INSERT INTO digest_claims (project, week, owner, claimed_at, sent_at) VALUES (?, ?, ?, ?, NULL)
        ON CONFLICT(project, week) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
        WHERE digest_claims.sent_at IS NULL AND digest_claims.claimed_at < ?`),
      markDigestSent: db.prepare('UPDATE digest_claims SET sent_at = ? WHERE project = ? AND week = ?'),
      getDigestClaim: db.prepare(`SELECT ${DIGEST_CLAIM_COLUMNS} FROM digest_claims WHERE project = ? AND week = ?`),
      markSeen: db.prepare('INSERT OR IGNORE INTO seen_messages (channel, id, at) VALUES (?, ?, ?)'),
      wasSeen: db.prepare('SELECT 1 FROM seen_messages WHERE channel = ? AND id = ?'),
      addInbox: db.prepare('INSERT OR IGNORE INTO inbox (channel, id, payload, received_at) VALUES (?, ?, ?, ?)'),
      listInbox: db.prepare('SELECT channel, id, payload, received_at AS receivedAt FROM inbox WHERE channel = ? ORDER BY seq LIMIT ?'),
      completeInbox: db.prepare('DELETE FROM inbox WHERE channel = ? AND id = ?'),
      pruneInbox: db.prepare('DELETE FROM inbox WHERE received_at < ?'),
      recordDelivery: db.prepare(
        'INSERT INTO delivery_statuses (channel, message_id, status, error_code, at) VALUES (?, ?, ?, ?, ?)',
      ),
      pruneSeen: db.prepare('DELETE FROM seen_messages WHERE at < ?'),
      pruneDeliveries: db.prepare('DELETE FROM delivery_statuses WHERE at < ?'),
      addAudit: db.prepare('INSERT INTO audit (at, actor, action, target, rows) VALUES (?, ?, ?, ?, ?)'),
      listAudit: db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit ORDER BY seq`),
    };

    const s = this.s;
    const checks = (this.checks = new SqliteThemeChecks(db));
    const updates = (this.updates = new SqliteProjectUpdates(db));
    this.purgeTextTx = db.transaction((before: string) => s.purgeText.run(before).changes + checks.purgeText.run(before).changes);
    const erase = db.transaction((id: string): ErasureResult => {
      const statePrefix = `p/${id}/`;
      return {
        responses: s.deleteResponsesOf.run(id).changes,
        themeChecks: checks.deleteOf.run(id).changes,
        updateViews: updates.deleteViewsOf.run(id).changes,
        participant: s.deleteParticipant.run(id).changes > 0,
        contacts: s.deleteContactsOf.run(id).changes,
        botState: s.deleteBotStateRange.run(statePrefix, prefixEnd(statePrefix)).changes,
      };
    });
    this.eraseTx = (id) => {
      let result: ErasureResult;
      try {
        result = erase.immediate(id);
      } finally {
        this.botStorage.forget();
      }
      // The WAL still holds the page versions from before the delete: copy the erased pages
      // into the file and empty the WAL. Best effort: a reader of another process that holds an
      // older snapshot keeps the WAL until its next checkpoint.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return result;
    };
    this.pruneTx = db.transaction(
      (before: string) => s.pruneSeen.run(before).changes + s.pruneDeliveries.run(before).changes + s.pruneInbox.run(before).changes,
    );
    this.addSessionCodesTx = db.transaction((codes: SessionCode[]) => {
      for (const c of codes) s.addSessionCode.run({ ...c, code: c.code.toUpperCase() });
    });

    this.addResponsesTx = db.transaction((rows: ResponseRecord[]) => {
      let added = 0;
      for (const r of rows) added += s.addResponseIfNew.run(responseParams(r)).changes;
      return added;
    });

    this.botStorage = new SqliteBotStorage(db, () => this.assertOpen());
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`SQLite store at ${this.file} is closed`);
  }

  async init(): Promise<void> {
    this.assertOpen();
    migrate(this.db, this.file);
  }

  /**
   * Reachable is not enough: on a full disk every read works and every answer is lost. So a write
   * that must commit (a read-only or broken file fails it), and room for more: free space on the
   * file system, and pages left under max_page_count.
   */
  async ping(): Promise<void> {
    this.assertOpen();
    this.s.ping.get();
    this.s.healthWrite.run(new Date().toISOString());
    const free = freeBytes(dirname(this.file));
    if (free !== undefined && free < MIN_FREE_BYTES) {
      throw new StoreNotWritableError(`the disk of ${this.file} is full (${free} bytes free); answers cannot be saved`);
    }
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const limit = this.db.pragma('max_page_count', { simple: true }) as number;
    const reusable = this.db.pragma('freelist_count', { simple: true }) as number;
    if (pages >= limit && reusable === 0) {
      throw new StoreNotWritableError(`${this.file} reached its page limit (max_page_count ${limit}); answers cannot be saved`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /** Settings the tests check; not part of the port. */
  pragma(name: 'journal_mode' | 'synchronous' | 'busy_timeout' | 'foreign_keys' | 'user_version'): unknown {
    this.assertOpen();
    return this.db.pragma(name, { simple: true });
  }

  async getParticipant(id: string): Promise<Participant | undefined> {
    this.assertOpen();
    const row = this.s.getParticipant.get(id);
    return row && participantFromRow(row);
  }

  async findParticipantByCode(code: string): Promise<Participant | undefined> {
    this.assertOpen();
    const row = this.s.findParticipantByCode.get(code);
    return row && participantFromRow(row);
  }

  async saveParticipant(p: Participant): Promise<void> {
    this.assertOpen();
    this.s.saveParticipant.run(participantParams(p));
  }

  async addResponse(r: ResponseRecord): Promise<void> {
    this.assertOpen();
    this.s.addResponse.run(responseParams(r));
  }

  async addResponses(rows: ResponseRecord[]): Promise<number> {
    this.assertOpen();
    if (rows.length === 0) return 0;
    return this.addResponsesTx(rows);
  }

  async listResponsesForWeek(project: string, week: string): Promise<ResponseRecord[]> {
    this.assertOpen();
    return this.s.listWeek.all(project, week).map(responseFromTuple);
  }

  async scoreAggregates(project: string, weeks: string[]): Promise<ScoreAggregate[]> {
    this.assertOpen();
    if (weeks.length === 0) return [];
    return this.s.aggregates.all(project, JSON.stringify(weeks));
  }

  async themeMentions(project: string, weeks: string[]): Promise<WeekThemeMentions[]> {
    this.assertOpen();
    const distinct = [...new Set(weeks)];
    if (distinct.length === 0) return [];
    const json = JSON.stringify(distinct);
    const byWeek = new Map<string, WeekThemeMentions>(distinct.map((week) => [week, { week, writers: 0, themes: [] }]));
    for (const w of this.s.writers.all(project, json)) byWeek.get(w.week)!.writers = w.writers;
    for (const { week, theme, respondents, mentions } of this.s.themeMentions.all(project, json)) {
      byWeek.get(week)!.themes.push({ theme, respondents, mentions });
    }
    return [...byWeek.values()];
  }

  async listResponsesOfParticipant(participant: string): Promise<ResponseRecord[]> {
    this.assertOpen();
    return this.s.listOfParticipant.all(participant).map(responseFromTuple);
  }

  async *exportResponses(filter: ExportFilter): AsyncIterable<ResponseRecord> {
    this.assertOpen();
    // (created_at, id) > (since, '') is created_at >= since for every non-empty id
    let afterAt = filter.since === undefined ? '' : toInstant(filter.since, 'export "since"');
    let afterId = '';
    for (;;) {
      this.assertOpen();
      const rows =
        filter.project === undefined
          ? this.s.exportPage.all(afterAt, afterId, EXPORT_PAGE)
          : this.s.exportProjectPage.all(filter.project, afterAt, afterId, EXPORT_PAGE);
      for (const row of rows) yield responseFromTuple(row);
      if (rows.length < EXPORT_PAGE) return;
      const last = rows[rows.length - 1];
      afterAt = last[17];
      afterId = last[0];
    }
  }

  async purgeTextBefore(instant: string): Promise<number> {
    this.assertOpen();
    const changed = this.purgeTextTx(toInstant(instant, 'retention instant'));
    // As after an erasure: the WAL must not keep the text that was just removed.
    if (changed > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changed;
  }

  async saveThemeCheck(c: ThemeCheck): Promise<void> {
    this.assertOpen();
    this.checks.saveCheck(c);
  }

  async listThemeChecks(filter: ThemeCheckFilter): Promise<ThemeCheck[]> {
    this.assertOpen();
    return this.checks.listChecks(filter);
  }

  async addUpdate(u: NewProjectUpdate): Promise<ProjectUpdate> {
    this.assertOpen();
    return this.updates.addUpdate(u);
  }

  async getUpdate(project: string, id: string): Promise<ProjectUpdate | undefined> {
    this.assertOpen();
    return this.updates.getUpdate(project, id);
  }

  async listUpdates(project: string): Promise<ProjectUpdate[]> {
    this.assertOpen();
    return this.updates.listUpdates(project);
  }

  async reviseUpdate(u: ProjectUpdate): Promise<boolean> {
    this.assertOpen();
    return this.updates.reviseUpdate(u);
  }

  async markUpdatesSeen(participant: string, project: string, ids: string[], at: string): Promise<void> {
    this.assertOpen();
    this.updates.markSeen(participant, project, ids, at);
  }

  async seenUpdates(participant: string, project: string): Promise<string[]> {
    this.assertOpen();
    return this.updates.seenBy(participant, project);
  }

  async updateReach(project: string): Promise<Record<string, number>> {
    this.assertOpen();
    return this.updates.reachOf(project);
  }

  async claimUpdateNotice(project: string, id: string, at: string): Promise<boolean> {
    this.assertOpen();
    return this.updates.claimNotice(project, id, at);
  }

  async eraseParticipant(id: string): Promise<ErasureResult> {
    this.assertOpen();
    return this.eraseTx(id);
  }

  async setDoNotContact(participant: string, on: boolean): Promise<void> {
    this.assertOpen();
    if (on) this.s.addDoNotContact.run(participant);
    else this.s.removeDoNotContact.run(participant);
  }

  async isDoNotContact(participant: string): Promise<boolean> {
    this.assertOpen();
    return this.s.isDoNotContact.get(participant) !== undefined;
  }

  async addSessionCodes(codes: SessionCode[]): Promise<void> {
    this.assertOpen();
    this.addSessionCodesTx(codes);
  }

  async getSessionCode(code: string): Promise<SessionCode | undefined> {
    this.assertOpen();
    return this.s.getSessionCode.get(code.toUpperCase());
  }

  async getContact(participant: string, channel: string): Promise<ContactRecord | undefined> {
    this.assertOpen();
    const row = this.s.getContact.get(participant, channel);
    return row && contactFromRow(row);
  }

  async saveContact(c: ContactRecord): Promise<void> {
    this.assertOpen();
    this.s.saveContact.run(contactParams(c));
  }

  async listContacts(project: string, channel: string): Promise<ContactRecord[]> {
    this.assertOpen();
    return this.s.listContacts.all(project, channel).map(contactFromRow);
  }

  async saveSubscription(sub: DigestSubscription): Promise<void> {
    this.assertOpen();
    this.s.saveSubscription.run(sub.project, sub.lead, JSON.stringify(sub.ref), sub.locale, sub.createdAt, sub.leadKey ?? null);
  }

  async deleteSubscription(project: string, lead: string): Promise<boolean> {
    this.assertOpen();
    return this.s.deleteSubscription.run(project, lead).changes > 0;
  }

  async listSubscriptions(project?: string): Promise<DigestSubscription[]> {
    this.assertOpen();
    const rows = project === undefined ? this.s.listSubscriptions.all() : this.s.listSubscriptionsOf.all(project);
    return rows.map(subscriptionFromRow);
  }

  async claimDigest(project: string, week: string, owner: string, at: string, leaseMs?: number): Promise<boolean> {
    this.assertOpen();
    if (leaseMs === undefined) return this.s.claimDigest.run(project, week, owner, at).changes === 1;
    const cutoff = staleClaimCutoff(at, leaseMs);
    return this.s.claimOrTakeOverDigest.run(project, week, owner, at, cutoff).changes === 1;
  }

  async markDigestSent(project: string, week: string, at: string): Promise<void> {
    this.assertOpen();
    this.s.markDigestSent.run(at, project, week);
  }

  async getDigestClaim(project: string, week: string): Promise<DigestClaim | undefined> {
    this.assertOpen();
    return this.s.getDigestClaim.get(project, week);
  }

  async markMessageSeen(channel: string, messageId: string, at: string): Promise<boolean> {
    this.assertOpen();
    return this.s.markSeen.run(channel, messageId, at).changes === 1;
  }

  async wasMessageSeen(channel: string, messageId: string): Promise<boolean> {
    this.assertOpen();
    return this.s.wasSeen.get(channel, messageId) !== undefined;
  }

  async addToInbox(e: InboxEntry): Promise<boolean> {
    this.assertOpen();
    return this.s.addInbox.run(e.channel, e.id, e.payload, toInstant(e.receivedAt, 'inbox receivedAt')).changes === 1;
  }

  async listInbox(channel: string, limit: number): Promise<InboxEntry[]> {
    this.assertOpen();
    return this.s.listInbox.all(channel, limit);
  }

  async completeInbox(channel: string, id: string): Promise<void> {
    this.assertOpen();
    this.s.completeInbox.run(channel, id);
  }

  async recordDeliveryStatus(d: DeliveryStatus): Promise<void> {
    this.assertOpen();
    this.s.recordDelivery.run(d.channel, d.messageId, d.status, d.errorCode, d.at);
  }

  async pruneChannelRecordsBefore(instant: string): Promise<number> {
    this.assertOpen();
    const before = toInstant(instant, 'prune instant');
    return this.pruneTx(before);
  }

  async addAudit(e: AuditEntry): Promise<void> {
    this.assertOpen();
    this.s.addAudit.run(e.at, e.actor, e.action, e.target, e.rows);
  }

  async listAudit(): Promise<AuditEntry[]> {
    this.assertOpen();
    return this.s.listAudit.all();
  }
}

/** Below this much free space a store is reported as unable to write (a write needs WAL room). */
const MIN_FREE_BYTES = 1_048_576;

export class StoreNotWritableError extends Error {
  override readonly name = 'StoreNotWritableError';
}

/** Bytes an unprivileged writer may still use where `dir` lives; undefined where statfs is missing. */
function freeBytes(dir: string): number | undefined {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

/** Opens (creating folder and file if needed) and migrates the SQLite store at `file`. */
export async function openSqliteStore(file: string): Promise<SqliteStore> {
  mkdirSync(dirname(file), { recursive: true });
  const store = new SqliteStore(file);
  await store.init();
  return store;
}
