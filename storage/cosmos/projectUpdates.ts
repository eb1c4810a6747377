import type { Container } from '@azure/cosmos';
import { updateId, updateNumber, type NewProjectUpdate, type ProjectUpdate } from '../../core/updates/types';
import { cosmosId } from './ids';
import { mapLimit, type Requests } from './requests';

/** One container, partitioned by project: an update and the markers of who saw it live together. */
interface UpdateDoc extends ProjectUpdate {
  kind: 'update';
  number: number;
}

interface ViewDoc {
  id: string;
  project: string;
  kind: 'view';
  participant: string;
  number: number;
  at: string;
}

/** Several leads posting at the same moment each retry with the next number; this bounds it. */
const MAX_ID_ATTEMPTS = 20;

function fromDoc(d: UpdateDoc): ProjectUpdate {
  return {
    project: d.project,
    id: d.id,
    theme: d.theme,
    week: d.week,
    text: d.text,
    author: d.author,
    createdAt: d.createdAt,
    changedAt: d.changedAt,
    withdrawnAt: d.withdrawnAt,
    noticeAt: d.noticeAt,
  };
}

const viewId = (participant: string, n: number): string => cosmosId(`view|${participant}|${n}`);

/** Project updates in Cosmos DB (container "updates", partition /project); see docs/cosmos.md. */
export class CosmosProjectUpdates {
  constructor(
    private readonly container: Container,
    private readonly requests: Requests,
  ) {}

  private numbers(project: string): Promise<number[]> {
    return this.requests.all<number>('update ids', this.container, {
      query: "SELECT VALUE c.number FROM c WHERE c.project = @p AND c.kind = 'update'",
      parameters: [{ name: '@p', value: project }],
    }, project);
  }

  /** The id is the document id: a create that loses the race (409) tries the next number. */
  async add(u: NewProjectUpdate): Promise<ProjectUpdate> {
    let next = Math.max(0, ...(await this.numbers(u.project))) + 1;
    for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++, next++) {
      const doc: UpdateDoc = { ...u, id: updateId(next), kind: 'update', number: next, changedAt: null, withdrawnAt: null, noticeAt: null };
      const created = await this.requests.attempt('update write', () => this.container.items.create(doc), [409]);
      if (created !== 409) return fromDoc(doc);
    }
    throw new Error(`no free update id for project ${u.project} after ${MAX_ID_ATTEMPTS} attempts`);
  }

  private async read(project: string, id: string): Promise<(UpdateDoc & { _etag: string }) | undefined> {
    const n = updateNumber(id);
    if (n === undefined) return undefined;
    const r = await this.requests.attempt('update read', () => this.container.item(updateId(n), project).read<UpdateDoc & { _etag: string }>(), [404]);
    return typeof r === 'number' ? undefined : r.resource ?? undefined;
  }

  async get(project: string, id: string): Promise<ProjectUpdate | undefined> {
    const d = await this.read(project, id);
    return d && fromDoc(d);
  }

  async list(project: string): Promise<ProjectUpdate[]> {
    const docs = await this.requests.all<UpdateDoc>('update list', this.container, {
      query: "SELECT * FROM c WHERE c.project = @p AND c.kind = 'update'",
      parameters: [{ name: '@p', value: project }],
    }, project);
    return docs.sort((a, b) => a.number - b.number).map(fromDoc);
  }

  /** Keeps the stored notice claim: a revision never re-opens (or clears) it. */
  async revise(u: ProjectUpdate): Promise<boolean> {
    const current = await this.read(u.project, u.id);
    if (!current) return false;
    const doc: UpdateDoc = { ...fromDoc(current), theme: u.theme, week: u.week, text: u.text, changedAt: u.changedAt, withdrawnAt: u.withdrawnAt, kind: 'update', number: current.number };
    await this.requests.run('update write', () => this.container.item(current.id, u.project).replace(doc));
    return true;
  }

  async markSeen(participant: string, project: string, ids: string[], at: string): Promise<void> {
    const numbers = ids.map(updateNumber).filter((n): n is number => n !== undefined);
    await mapLimit(numbers, 4, (n) => {
      const doc: ViewDoc = { id: viewId(participant, n), project, kind: 'view', participant, number: n, at };
      return this.requests.attempt('update view write', () => this.container.items.create(doc), [409]);
    });
  }

  async seenBy(participant: string, project: string): Promise<string[]> {
    const numbers = await this.requests.all<number>('update views', this.container, {
      query: "SELECT VALUE c.number FROM c WHERE c.project = @p AND c.kind = 'view' AND c.participant = @who",
      parameters: [
        { name: '@p', value: project },
        { name: '@who', value: participant },
      ],
    }, project);
    return [...new Set(numbers)].sort((a, b) => a - b).map(updateId);
  }

  /** Counted in memory: a project has a few updates and at most its participants' markers. */
  async reach(project: string): Promise<Record<string, number>> {
    const numbers = await this.requests.all<number>('update reach', this.container, {
      query: "SELECT VALUE c.number FROM c WHERE c.project = @p AND c.kind = 'view'",
      parameters: [{ name: '@p', value: project }],
    }, project);
    const counts: Record<string, number> = {};
    for (const n of numbers) counts[updateId(n)] = (counts[updateId(n)] ?? 0) + 1;
    return counts;
  }

  async claimNotice(project: string, id: string, at: string): Promise<boolean> {
    const current = await this.read(project, id);
    if (!current || current.noticeAt !== null) return false;
    const doc: UpdateDoc = { ...fromDoc(current), kind: 'update', number: current.number, noticeAt: at };
    const replaced = await this.requests.attempt(
      'update notice claim',
      () => this.container.item(current.id, project).replace(doc, { accessCondition: { type: 'IfMatch', condition: current._etag } }),
      [404, 412],
    );
    return replaced !== 404 && replaced !== 412;
  }

  /** Erasure: the participant's markers, across projects (indexed /participant). */
  async deleteViewsOf(participant: string): Promise<number> {
    const refs = await this.requests.all<{ id: string; project: string }>('erasure', this.container, {
      query: "SELECT c.id, c.project FROM c WHERE c.kind = 'view' AND c.participant = @who",
      parameters: [{ name: '@who', value: participant }],
    });
    const removed = await mapLimit(refs, 4, async (r) => {
      const res = await this.requests.attempt('erasure', () => this.container.item(r.id, r.project).delete(), [404]);
      return res !== 404;
    });
    return removed.filter(Boolean).length;
  }
}
