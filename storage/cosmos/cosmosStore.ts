import { randomBytes, randomUUID } from 'node:crypto';
import type { Container, CosmosClient, Database, SqlParameter } from '@azure/cosmos';
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
import type { DeliveryStatus, DigestClaim, ErasureResult, InboxEntry, Store, ThemeCheckFilter, WeekThemeMentions } from '../port';
import { CosmosBotStorage } from './botStorage';
import { CONTAINERS, type ContainerName, ensureContainer } from './containers';
import {
  type AuditDoc,
  auditFromDoc,
  type ContactDoc,
  contactDoc,
  contactFromDoc,
  type DeliveryStatusDoc,
  type DigestClaimDoc,
  digestClaimDoc,
  digestClaimFromDoc,
  type ParticipantDoc,
  participantDoc,
  participantFromDoc,
  type ResponseDoc,
  responseDoc,
  responseFromDoc,
  type SessionCodeDoc,
  sessionCodeDoc,
  sessionCodeFromDoc,
  type SubscriptionDoc,
  subscriptionDoc,
  subscriptionFromDoc,
} from './documents';
import { toStorageError } from './errors';
import { cosmosId, digestClaimId, responsePartition, seenMessageId } from './ids';
import type { CosmosStoreOptions } from './options';
import { mapLimit, Requests } from './requests';
import { CosmosProjectUpdates } from './projectUpdates';
import { byAnsweredAt, type ThemeCheckDoc, themeCheckDoc, themeCheckFromDoc, themeCheckQuery } from './themeChecks';
import { type MentionRow, weekThemeMentions } from './themeMentions';
import { toInstant } from '../instant';

/** Point operations in flight at once for bulk work (erasure, retention, session codes). */
const PARALLEL = 8;
/** A replace guarded by IfMatch that keeps losing to other writers gives up after this many tries. */
const MAX_CAS_TRIES = 5;

/** The one document /healthz rewrites, in the seen-message container (it has a TTL). */
const HEALTH_PROBE_ID = seenMessageId('health', 'probe');

let auditCounter = 0;
/** Sortable, unique insertion stamp: milliseconds, then a per-process counter, then noise. */
function nextAuditSeq(): string {
  auditCounter = (auditCounter + 1) % 1e9;
  return `${Date.now().toString().padStart(15, '0')}-${auditCounter.toString().padStart(9, '0')}-${randomBytes(3).toString('hex')}`;
}

const param = (name: string, value: string | boolean): SqlParameter => ({ name, value });

/**
 * The Cosmos DB (NoSQL API) store for several instances behind Azure Bot Service. Every logical
 * write is exactly one document (create, upsert, or replace guarded by IfMatch), so an outage in the
 * middle leaves nothing half-written; erasure and retention are many such writes, each idempotent,
 * so running them again finishes the job. The partition design is explained in docs/cosmos.md.
 */
export class CosmosStore implements Store {
  readonly kind = 'cosmos' as const;
  readonly botStorage: CosmosBotStorage;
  private readonly database: Database;
  private readonly c: Record<ContainerName, Container>;
  private readonly requests: Requests;
  private readonly updates: CosmosProjectUpdates;

  constructor(
    private readonly client: CosmosClient,
    private readonly options: CosmosStoreOptions,
  ) {
    this.database = client.database(options.database);
    this.c = Object.fromEntries(
      Object.entries(CONTAINERS).map(([name, spec]) => [name, this.database.container(spec.id)]),
    ) as Record<ContainerName, Container>;
    this.requests = new Requests(options.pageSize, options.onRequestCharge);
    this.botStorage = new CosmosBotStorage(this.c.botState, this.requests);
    this.updates = new CosmosProjectUpdates(this.c.updates, this.requests);
  }

  async init(): Promise<void> {
    const read = await this.requests.attempt('init of the database', () => this.database.read(), [404]);
    if (read === 404) {
      await this.requests.run('init of the database', () =>
        this.client.databases.createIfNotExists({ id: this.options.database }),
      );
    }
    for (const spec of Object.values(CONTAINERS)) await ensureContainer(this.database, spec);
  }

  /**
   * Bounded by pingTimeoutMs whatever the SDK does underneath (its endpoint discovery and retries
   * do not all honour the abort signal), so /healthz answers 503 quickly during an outage.
   */
  async ping(): Promise<void> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(Object.assign(new Error('ping timed out'), { name: 'TimeoutError' }));
      }, this.options.pingTimeoutMs);
    });
    try {
      await Promise.race([this.database.read({ abortSignal: abort.signal }), timeout]);
      // Reachable is not enough: a write must go through too (a full partition or a revoked
      // write permission fails it). One small document that TTL keeps from piling up.
      const probe = { id: HEALTH_PROBE_ID, channel: 'health', messageId: 'probe', at: new Date().toISOString() };
      await Promise.race([this.c.seenMessages.items.upsert(probe, { abortSignal: abort.signal }), timeout]);
    } catch (err) {
      throw toStorageError('ping', err);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  /** Point read: the document, or undefined when it does not exist. */
  private async readDoc<T>(operation: string, container: Container, id: string, pk: string): Promise<T | undefined> {
    const res = await this.requests.attempt(operation, () => container.item(id, pk).read<T & { id: string }>(), [404]);
    return typeof res === 'number' ? undefined : res.resource;
  }

  /** Point delete: true when something was deleted. */
  private async deleteDoc(operation: string, container: Container, id: string, pk: string): Promise<boolean> {
    return (await this.requests.attempt(operation, () => container.item(id, pk).delete(), [404])) !== 404;
  }

  // --- participants (partition /id: every access is a point read or write by pseudonym) ---------

  async getParticipant(id: string): Promise<Participant | undefined> {
    const d = await this.readDoc<ParticipantDoc>('participant read', this.c.participants, id, id);
    return d && participantFromDoc(d);
  }

  /** Operator lookup (rare): a cross-partition query on the indexed upper-case code. */
  async findParticipantByCode(code: string): Promise<Participant | undefined> {
    const [d] = await this.requests.all<ParticipantDoc>('participant lookup by code', this.c.participants, {
      query: 'SELECT * FROM c WHERE c.codeKey = @code',
      parameters: [param('@code', code.trim().toUpperCase())],
    });
    return d && participantFromDoc(d);
  }

  async saveParticipant(p: Participant): Promise<void> {
    await this.requests.run('participant write', () => this.c.participants.items.upsert(participantDoc(p)));
  }

  // --- responses (partition "<project>|<week>") -------------------------------------------------

  /** Upsert: a retry after a timeout that did land stores the same document again, not a second one. */
  async addResponse(r: ResponseRecord): Promise<void> {
    await this.requests.run('response write', () => this.c.responses.items.upsert(responseDoc(r)));
  }

  /**
   * One create per row, PARALLEL at a time, with 409 (already stored) counted as not new. Not
   * atomic as a whole: a failure part-way leaves the rows written so far, and running the same
   * batch again stores the rest and leaves the others as they are (see docs/cosmos.md).
   */
  async addResponses(rows: ResponseRecord[]): Promise<number> {
    const created = await mapLimit(rows, PARALLEL, async (r) => {
      const res = await this.requests.attempt('response write', () => this.c.responses.items.create(responseDoc(r)), [409]);
      return res !== 409;
    });
    return created.filter(Boolean).length;
  }

  async listResponsesForWeek(project: string, week: string): Promise<ResponseRecord[]> {
    const pk = responsePartition(project, week);
    const docs = await this.requests.all<ResponseDoc>(
      'responses of a week',
      this.c.responses,
      { query: 'SELECT * FROM c WHERE c.pk = @pk', parameters: [param('@pk', pk)] },
      pk,
    );
    return docs.map(responseFromDoc);
  }

  /**
   * One single-partition query per week over a small projection, summed here: GROUP BY is not
   * available on every Cosmos endpoint we test against, and a participant answers each theme
   * about once a week, so grouping on the server would hardly return fewer rows.
   */
  async scoreAggregates(project: string, weeks: string[]): Promise<ScoreAggregate[]> {
    type Row = Pick<ResponseRecord, 'week' | 'theme' | 'role' | 'score' | 'participant'>;
    const perWeek = await mapLimit([...new Set(weeks)], PARALLEL, (week) => {
      const pk = responsePartition(project, week);
      return this.requests.all<Row>(
        'score aggregates',
        this.c.responses,
        {
          query: 'SELECT c.week, c.theme, c.role, c.score, c.participant FROM c WHERE c.pk = @pk',
          parameters: [param('@pk', pk)],
        },
        pk,
      );
    });
    const groups = new Map<string, ScoreAggregate & { who: Set<string> }>();
    for (const row of perWeek.flat()) {
      if (typeof row.score !== 'number' || typeof row.theme !== 'string') continue;
      const key = `${row.week}\u0000${row.theme}\u0000${row.role}`;
      let g = groups.get(key);
      if (!g) {
        g = { week: row.week, theme: row.theme, role: row.role, sum: 0, count: 0, respondents: 0, who: new Set() };
        groups.set(key, g);
      }
      g.sum += row.score;
      g.count += 1;
      g.who.add(row.participant);
    }
    return [...groups.values()].map(({ who, ...g }) => ({ ...g, respondents: who.size }));
  }

  /**
   * One single-partition query per week selecting only participant, tags, hasText and sentiment,
   * reduced here (no GROUP BY on every endpoint we test against): never the text itself.
   */
  async themeMentions(project: string, weeks: string[]): Promise<WeekThemeMentions[]> {
    return mapLimit([...new Set(weeks)], PARALLEL, async (week) => {
      const pk = responsePartition(project, week);
      const rows = await this.requests.all<MentionRow>(
        'theme mentions',
        this.c.responses,
        {
          query: 'SELECT c.participant, c.themes, c.hasText, c.sentiment FROM c WHERE c.pk = @pk',
          parameters: [param('@pk', pk)],
        },
        pk,
      );
      return weekThemeMentions(week, rows);
    });
  }

  /** "What is stored about me" (rare): a cross-partition query on the indexed participant. */
  async listResponsesOfParticipant(participant: string): Promise<ResponseRecord[]> {
    const docs = await this.requests.all<ResponseDoc>('responses of a participant', this.c.responses, {
      query: 'SELECT * FROM c WHERE c.participant = @p',
      parameters: [param('@p', participant)],
    });
    return docs.map(responseFromDoc);
  }

  async *exportResponses(filter: ExportFilter): AsyncIterable<ResponseRecord> {
    const where: string[] = [];
    const parameters: SqlParameter[] = [];
    if (filter.project !== undefined) {
      where.push('c.project = @project');
      parameters.push(param('@project', filter.project));
    }
    if (filter.since !== undefined) {
      where.push('c.createdAt >= @since');
      parameters.push(param('@since', toInstant(filter.since, 'since')));
    }
    const query = `SELECT * FROM c${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.createdAt ASC, c.responseId ASC`;
    for await (const page of this.requests.pages<ResponseDoc>('export', this.c.responses, { query, parameters })) {
      for (const d of page) yield responseFromDoc(d);
    }
  }

  /**
   * Retention: the daily job clears `text` (and `hasText`) in place. Each change is a replace
   * guarded by the document's _etag, so a response erased or changed meanwhile is skipped or read
   * again, never overwritten with stale data.
   */
  async purgeTextBefore(instant: string): Promise<number> {
    const before = toInstant(instant, 'instant');
    const docs = await this.requests.all<ResponseDoc & { _etag: string }>('retention', this.c.responses, {
      query: 'SELECT * FROM c WHERE c.hasText = true AND c.createdAt < @before',
      parameters: [param('@before', before)],
    });
    const changed = await mapLimit(docs, PARALLEL, (d) => this.clearText(d, before));
    const checks = await this.requests.all<ThemeCheckDoc & { _etag: string }>('retention', this.c.themeChecks, {
      query: 'SELECT * FROM c WHERE c.hasText = true AND c.answeredAt < @before',
      parameters: [param('@before', before)],
    });
    const cleared = await mapLimit(checks, PARALLEL, (d) => this.clearCheckText(d));
    return changed.filter(Boolean).length + cleared.filter(Boolean).length;
  }

  /** As clearText; a check changed meanwhile (412) was replaced by a newer one, read again next run. */
  private async clearCheckText(d: ThemeCheckDoc & { _etag: string }): Promise<boolean> {
    const res = await this.requests.attempt(
      'retention',
      () => this.c.themeChecks.item(d.id, d.pk).replace(themeCheckDoc({ ...themeCheckFromDoc(d), text: null }), { accessCondition: { type: 'IfMatch', condition: d._etag } }),
      [404, 412],
    );
    return typeof res !== 'number';
  }

  // --- theme checks (partition "<project>|<week>", as the answers) -----------------------------

  async saveThemeCheck(c: ThemeCheck): Promise<void> {
    await this.requests.run('theme check write', () => this.c.themeChecks.items.upsert(themeCheckDoc(c)));
  }

  async listThemeChecks(filter: ThemeCheckFilter): Promise<ThemeCheck[]> {
    const { partition, ...query } = themeCheckQuery(filter);
    const docs = await this.requests.all<ThemeCheckDoc>('theme checks', this.c.themeChecks, query, partition);
    return docs.map(themeCheckFromDoc).sort(byAnsweredAt);
  }

  private async clearText(first: ResponseDoc & { _etag: string }, before: string): Promise<boolean> {
    let doc: (ResponseDoc & { _etag: string }) | undefined = first;
    for (let i = 0; i < MAX_CAS_TRIES && doc; i++) {
      if (!doc.hasText || doc.createdAt >= before) return false;
      const { _etag, ...rest } = doc;
      const cleared: ResponseDoc = { ...responseDoc({ ...responseFromDoc(rest), text: null }) };
      const res = await this.requests.attempt(
        'retention',
        () => this.c.responses.item(doc!.id, doc!.pk).replace(cleared, { accessCondition: { type: 'IfMatch', condition: _etag } }),
        [404, 412],
      );
      if (res === 404) return false;
      if (res !== 412) return true;
      doc = await this.readDoc<ResponseDoc & { _etag: string }>('retention', this.c.responses, first.id, first.pk);
    }
    if (doc) throw toStorageError('retention', Object.assign(new Error('kept losing to concurrent writers'), { code: 412 }));
    return false;
  }

  // --- erasure --------------------------------------------------------------------------------

  /**
   * Responses first and the participant document last: if the erasure is cut off, the participant
   * is still there, and running it again (every step tolerates what is already gone) finishes it.
   */
  async eraseParticipant(id: string): Promise<ErasureResult> {
    const responseRefs = await this.requests.all<{ id: string; pk: string }>('erasure', this.c.responses, {
      query: 'SELECT c.id, c.pk FROM c WHERE c.participant = @p',
      parameters: [param('@p', id)],
    });
    const responses = (
      await mapLimit(responseRefs, PARALLEL, (r) => this.deleteDoc('erasure', this.c.responses, r.id, r.pk))
    ).filter(Boolean).length;

    const checkRefs = await this.requests.all<{ id: string; pk: string }>('erasure', this.c.themeChecks, {
      query: 'SELECT c.id, c.pk FROM c WHERE c.participant = @p',
      parameters: [param('@p', id)],
    });
    const themeChecks = (
      await mapLimit(checkRefs, PARALLEL, (r) => this.deleteDoc('erasure', this.c.themeChecks, r.id, r.pk))
    ).filter(Boolean).length;

    const contactRefs = await this.requests.all<{ id: string }>(
      'erasure',
      this.c.contacts,
      { query: 'SELECT c.id FROM c WHERE c.participant = @p', parameters: [param('@p', id)] },
      id,
    );
    const contacts = (
      await mapLimit(contactRefs, PARALLEL, (r) => this.deleteDoc('erasure', this.c.contacts, r.id, id))
    ).filter(Boolean).length;

    const updateViews = await this.updates.deleteViewsOf(id);
    const botState = await this.botStorage.eraseParticipant(id);
    const participant = await this.deleteDoc('erasure', this.c.participants, id, id);
    return { responses, themeChecks, updateViews, participant, contacts, botState };
  }

  // --- project updates (container "updates", partition /project) -------------------------------

  addUpdate(u: NewProjectUpdate): Promise<ProjectUpdate> {
    return this.updates.add(u);
  }

  getUpdate(project: string, id: string): Promise<ProjectUpdate | undefined> {
    return this.updates.get(project, id);
  }

  listUpdates(project: string): Promise<ProjectUpdate[]> {
    return this.updates.list(project);
  }

  reviseUpdate(u: ProjectUpdate): Promise<boolean> {
    return this.updates.revise(u);
  }

  markUpdatesSeen(participant: string, project: string, ids: string[], at: string): Promise<void> {
    return this.updates.markSeen(participant, project, ids, at);
  }

  seenUpdates(participant: string, project: string): Promise<string[]> {
    return this.updates.seenBy(participant, project);
  }

  updateReach(project: string): Promise<Record<string, number>> {
    return this.updates.reach(project);
  }

  claimUpdateNotice(project: string, id: string, at: string): Promise<boolean> {
    return this.updates.claimNotice(project, id, at);
  }

  async setDoNotContact(participant: string, on: boolean): Promise<void> {
    if (on) {
      await this.requests.run('do-not-contact write', () => this.c.doNotContact.items.upsert({ id: participant }));
    } else {
      await this.deleteDoc('do-not-contact write', this.c.doNotContact, participant, participant);
    }
  }

  async isDoNotContact(participant: string): Promise<boolean> {
    return (await this.readDoc('do-not-contact read', this.c.doNotContact, participant, participant)) !== undefined;
  }

  // --- session codes (partition /id = the upper-case code: point reads only) --------------------

  async addSessionCodes(codes: SessionCode[]): Promise<void> {
    await mapLimit(codes, PARALLEL, (c) =>
      this.requests.run('session code write', () => this.c.sessionCodes.items.upsert(sessionCodeDoc(c))),
    );
  }

  async getSessionCode(code: string): Promise<SessionCode | undefined> {
    const id = cosmosId(code.trim().toUpperCase());
    const d = await this.readDoc<SessionCodeDoc>('session code read', this.c.sessionCodes, id, id);
    return d && sessionCodeFromDoc(d);
  }

  // --- contacts (partition /participant: erasure is one partition) -----------------------------

  async getContact(participant: string, channel: string): Promise<ContactRecord | undefined> {
    const d = await this.readDoc<ContactDoc>('contact read', this.c.contacts, cosmosId(channel), participant);
    return d && contactFromDoc(d);
  }

  async saveContact(c: ContactRecord): Promise<void> {
    await this.requests.run('contact write', () => this.c.contacts.items.upsert(contactDoc(c)));
  }

  /** Invitation runs (weekly at most): a cross-partition query on indexed project and channel. */
  async listContacts(project: string, channel: string): Promise<ContactRecord[]> {
    const docs = await this.requests.all<ContactDoc>('contact list', this.c.contacts, {
      query: 'SELECT * FROM c WHERE c.project = @project AND c.channel = @channel',
      parameters: [param('@project', project), param('@channel', channel)],
    });
    return docs.map(contactFromDoc);
  }

  // --- digest subscriptions (partition /project) -----------------------------------------------

  async saveSubscription(s: DigestSubscription): Promise<void> {
    await this.requests.run('subscription write', () => this.c.subscriptions.items.upsert(subscriptionDoc(s)));
  }

  async deleteSubscription(project: string, lead: string): Promise<boolean> {
    return this.deleteDoc('subscription delete', this.c.subscriptions, cosmosId(lead), project);
  }

  async listSubscriptions(project?: string): Promise<DigestSubscription[]> {
    const docs =
      project === undefined
        ? await this.requests.all<SubscriptionDoc>('subscription list', this.c.subscriptions, { query: 'SELECT * FROM c' })
        : await this.requests.all<SubscriptionDoc>(
            'subscription list',
            this.c.subscriptions,
            { query: 'SELECT * FROM c WHERE c.project = @project', parameters: [param('@project', project)] },
            project,
          );
    return docs.map(subscriptionFromDoc);
  }

  // --- digest claims (partition /id = "<project>|<week>") --------------------------------------

  /**
   * Create-if-not-exists: Cosmos answers 409 to every creator but the first, on any instance. A
   * stale claim is taken over with a replace guarded by the _etag that was read: of callers racing
   * for the same stale claim, Cosmos accepts one replace and answers 412 to the others.
   */
  async claimDigest(project: string, week: string, owner: string, at: string, leaseMs?: number): Promise<boolean> {
    const cutoff = leaseMs === undefined ? undefined : staleClaimCutoff(at, leaseMs);
    const doc = digestClaimDoc({ project, week, owner, claimedAt: at, sentAt: null });
    const created = await this.requests.attempt('digest claim', () => this.c.digestClaims.items.create(doc), [409]);
    if (created !== 409) return true;
    if (cutoff === undefined) return false;
    const current = await this.readDoc<DigestClaimDoc & { _etag: string }>('digest claim', this.c.digestClaims, doc.id, doc.id);
    // gone again (never happens in normal use): a fresh create settles it among the racers
    if (!current) return (await this.requests.attempt('digest claim', () => this.c.digestClaims.items.create(doc), [409])) !== 409;
    if (current.sentAt !== null || !(current.claimedAt < cutoff)) return false;
    const replaced = await this.requests.attempt(
      'digest claim takeover',
      () => this.c.digestClaims.item(doc.id, doc.id).replace(doc, { accessCondition: { type: 'IfMatch', condition: current._etag } }),
      [404, 412],
    );
    return replaced !== 404 && replaced !== 412;
  }

  async markDigestSent(project: string, week: string, at: string): Promise<void> {
    const id = digestClaimId(project, week);
    for (let i = 0; i < MAX_CAS_TRIES; i++) {
      const d = await this.readDoc<DigestClaimDoc & { _etag: string }>('digest sent', this.c.digestClaims, id, id);
      if (!d) return;
      const next = digestClaimDoc({ ...digestClaimFromDoc(d), sentAt: at });
      const res = await this.requests.attempt(
        'digest sent',
        () => this.c.digestClaims.item(id, id).replace(next, { accessCondition: { type: 'IfMatch', condition: d._etag } }),
        [404, 412],
      );
      if (res !== 412) return;
    }
    throw toStorageError('digest sent', Object.assign(new Error('kept losing to concurrent writers'), { code: 412 }));
  }

  async getDigestClaim(project: string, week: string): Promise<DigestClaim | undefined> {
    const id = digestClaimId(project, week);
    const d = await this.readDoc<DigestClaimDoc>('digest claim read', this.c.digestClaims, id, id);
    return d && digestClaimFromDoc(d);
  }

  // --- webhook dedup and delivery statuses ----------------------------------------------------

  async markMessageSeen(channel: string, messageId: string, at: string): Promise<boolean> {
    const doc = { id: seenMessageId(channel, messageId), channel, messageId, at };
    return (await this.requests.attempt('webhook dedup', () => this.c.seenMessages.items.create(doc), [409])) !== 409;
  }

  async wasMessageSeen(channel: string, messageId: string): Promise<boolean> {
    const id = seenMessageId(channel, messageId);
    return (await this.readDoc('webhook dedup read', this.c.seenMessages, id, id)) !== undefined;
  }

  // --- webhook inbox (partition /channel; deleted when processed, TTL for deliveries that keep failing)

  async addToInbox(e: InboxEntry): Promise<boolean> {
    const doc = { id: cosmosId(e.id), channel: e.channel, inboxId: e.id, payload: e.payload, receivedAt: toInstant(e.receivedAt, 'inbox receivedAt') };
    return (await this.requests.attempt('inbox write', () => this.c.inbox.items.create(doc), [409])) !== 409;
  }

  async listInbox(channel: string, limit: number): Promise<InboxEntry[]> {
    const docs = await this.requests.all<{ channel: string; inboxId: string; payload: string; receivedAt: string }>(
      'inbox list',
      this.c.inbox,
      { query: 'SELECT TOP @limit c.channel, c.inboxId, c.payload, c.receivedAt FROM c WHERE c.channel = @channel ORDER BY c.receivedAt ASC', parameters: [param('@channel', channel), { name: '@limit', value: limit }] },
      channel,
    );
    return docs.map((d) => ({ channel: d.channel, id: d.inboxId, payload: d.payload, receivedAt: d.receivedAt }));
  }

  async completeInbox(channel: string, id: string): Promise<void> {
    await this.deleteDoc('inbox done', this.c.inbox, cosmosId(id), channel);
  }

  async recordDeliveryStatus(s: DeliveryStatus): Promise<void> {
    const doc: DeliveryStatusDoc = { id: randomUUID(), pk: cosmosId(`${s.channel}|${s.messageId}`), ...s };
    await this.requests.run('delivery status write', () => this.c.deliveryStatuses.items.create(doc));
  }

  /** Their containers have a default TTL (CHANNEL_RECORD_DAYS): Cosmos DB deletes their documents itself. */
  async pruneChannelRecordsBefore(instant: string): Promise<number> {
    toInstant(instant, 'prune instant');
    return 0;
  }

  // --- audit (partition /id; listed in insertion order) ----------------------------------------

  async addAudit(e: AuditEntry): Promise<void> {
    const seq = nextAuditSeq();
    const doc: AuditDoc = { id: seq, seq, at: e.at, actor: e.actor, action: e.action, target: e.target, rows: e.rows };
    await this.requests.run('audit write', () => this.c.audit.items.create(doc));
  }

  async listAudit(): Promise<AuditEntry[]> {
    const docs = await this.requests.all<AuditDoc>('audit list', this.c.audit, { query: 'SELECT * FROM c ORDER BY c.seq ASC' });
    return docs.map(auditFromDoc);
  }
}
