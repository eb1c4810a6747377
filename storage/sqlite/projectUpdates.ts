import type { Database } from 'better-sqlite3';
import { updateId, updateNumber, type NewProjectUpdate, type ProjectUpdate } from '../../core/updates/types';

interface UpdateRow {
  project: string;
  number: number;
  theme: string;
  week: string;
  texts: string;
  author: string;
  createdAt: string;
  changedAt: string | null;
  withdrawnAt: string | null;
  noticeAt: string | null;
}

const COLUMNS =
  'project, number, theme, week, texts, author, created_at AS createdAt, changed_at AS changedAt, withdrawn_at AS withdrawnAt, notice_at AS noticeAt';

function fromRow(r: UpdateRow): ProjectUpdate {
  return {
    project: r.project,
    id: updateId(r.number),
    theme: r.theme,
    week: r.week,
    text: JSON.parse(r.texts) as ProjectUpdate['text'],
    author: r.author,
    createdAt: r.createdAt,
    changedAt: r.changedAt,
    withdrawnAt: r.withdrawnAt,
    noticeAt: r.noticeAt,
  };
}

/** The project_updates and update_views tables, prepared once and used by SqliteStore. */
export class SqliteProjectUpdates {
  private readonly insert;
  private readonly get;
  private readonly list;
  private readonly revise;
  private readonly see;
  private readonly seen;
  private readonly reach;
  private readonly claim;
  private readonly addTx;
  private readonly seeTx;
  readonly deleteViewsOf;

  constructor(db: Database) {
    // the next number is read and used inside one IMMEDIATE transaction: two processes never share one
    this.insert = db.prepare<[Record<string, string>], { number: number }>(`
      INSERT INTO project_updates (project, number, theme, week, texts, author, created_at)
      SELECT @project, COALESCE(MAX(number), 0) + 1, @theme, @week, @texts, @author, @createdAt FROM project_updates WHERE project = @project
      RETURNING number`);
    this.get = db.prepare<[string, number], UpdateRow>(`SELECT ${COLUMNS} FROM project_updates WHERE project = ? AND number = ?`);
    this.list = db.prepare<[string], UpdateRow>(`SELECT ${COLUMNS} FROM project_updates WHERE project = ? ORDER BY number`);
    this.revise = db.prepare(`
      UPDATE project_updates SET theme = @theme, week = @week, texts = @texts, changed_at = @changedAt, withdrawn_at = @withdrawnAt
      WHERE project = @project AND number = @number`);
    this.see = db.prepare<[string, string, number, string]>(
      'INSERT INTO update_views (participant, project, number, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.seen = db.prepare<[string, string], { number: number }>('SELECT number FROM update_views WHERE participant = ? AND project = ? ORDER BY number');
    this.reach = db.prepare<[string], { number: number; people: number }>(
      'SELECT number, COUNT(*) AS people FROM update_views WHERE project = ? GROUP BY number',
    );
    this.claim = db.prepare<[string, string, number]>('UPDATE project_updates SET notice_at = ? WHERE project = ? AND number = ? AND notice_at IS NULL');
    this.deleteViewsOf = db.prepare<[string]>('DELETE FROM update_views WHERE participant = ?');
    this.addTx = db.transaction((u: NewProjectUpdate) =>
      this.insert.get({ project: u.project, theme: u.theme, week: u.week, texts: JSON.stringify(u.text), author: u.author, createdAt: u.createdAt })!.number,
    );
    this.seeTx = db.transaction((participant: string, project: string, numbers: number[], at: string) => {
      for (const n of numbers) this.see.run(participant, project, n, at);
    });
  }

  addUpdate(u: NewProjectUpdate): ProjectUpdate {
    const number = this.addTx.immediate(u);
    return { ...u, id: updateId(number), changedAt: null, withdrawnAt: null, noticeAt: null };
  }

  getUpdate(project: string, id: string): ProjectUpdate | undefined {
    const n = updateNumber(id);
    const row = n === undefined ? undefined : this.get.get(project, n);
    return row && fromRow(row);
  }

  listUpdates(project: string): ProjectUpdate[] {
    return this.list.all(project).map(fromRow);
  }

  reviseUpdate(u: ProjectUpdate): boolean {
    const n = updateNumber(u.id);
    if (n === undefined) return false;
    const { theme, week, changedAt, withdrawnAt, project } = u;
    return this.revise.run({ project, number: n, theme, week, texts: JSON.stringify(u.text), changedAt, withdrawnAt }).changes > 0;
  }

  markSeen(participant: string, project: string, ids: string[], at: string): void {
    const numbers = ids.map(updateNumber).filter((n): n is number => n !== undefined);
    if (numbers.length) this.seeTx(participant, project, numbers, at);
  }

  seenBy(participant: string, project: string): string[] {
    return this.seen.all(participant, project).map((r) => updateId(r.number));
  }

  reachOf(project: string): Record<string, number> {
    return Object.fromEntries(this.reach.all(project).map((r) => [updateId(r.number), r.people]));
  }

  claimNotice(project: string, id: string, at: string): boolean {
    const n = updateNumber(id);
    return n !== undefined && this.claim.run(at, project, n).changes > 0;
  }
}
