import type { Database } from 'better-sqlite3';
import type { Checker, Locale, ThemeCheck } from '../../core/types';
import type { ThemeCheckFilter } from '../port';

interface CheckRow {
  response: string;
  by: Checker;
  project: string;
  week: string;
  participant: string;
  guessed: string;
  themes: string;
  text: string | null;
  locale: Locale;
  answeredAt: string;
  at: string;
}

const COLUMNS = 'response, by, project, week, participant, guessed, themes, text, locale, answered_at AS answeredAt, at';

function fromRow(r: CheckRow): ThemeCheck {
  return {
    response: r.response,
    project: r.project,
    week: r.week,
    participant: r.participant,
    by: r.by,
    guessed: JSON.parse(r.guessed) as string[],
    themes: JSON.parse(r.themes) as string[],
    text: r.text,
    locale: r.locale,
    answeredAt: r.answeredAt,
    at: r.at,
  };
}

/** The theme_checks table: prepared once, used by SqliteStore (erasure and retention run inside its transactions). */
export class SqliteThemeChecks {
  private readonly save;
  private readonly list;
  readonly deleteOf;
  readonly purgeText;

  constructor(db: Database) {
    this.save = db.prepare(`
      INSERT INTO theme_checks (response, by, project, week, participant, guessed, themes, text, locale, answered_at, at)
      VALUES (@response, @by, @project, @week, @participant, @guessed, @themes, @text, @locale, @answeredAt, @at)
      ON CONFLICT(response, by) DO UPDATE SET project = excluded.project, week = excluded.week,
        participant = excluded.participant, guessed = excluded.guessed, themes = excluded.themes, text = excluded.text,
        locale = excluded.locale, answered_at = excluded.answered_at, at = excluded.at`);
    // NULL filter fields match everything, so one statement serves every filter
    this.list = db.prepare<[{ project: string | null; week: string | null; by: string | null }], CheckRow>(`
      SELECT ${COLUMNS} FROM theme_checks
      WHERE (@project IS NULL OR project = @project) AND (@week IS NULL OR week = @week) AND (@by IS NULL OR by = @by)
      ORDER BY answered_at, response, by`);
    this.deleteOf = db.prepare<[string]>('DELETE FROM theme_checks WHERE participant = ?');
    this.purgeText = db.prepare<[string]>('UPDATE theme_checks SET text = NULL WHERE answered_at < ? AND text IS NOT NULL');
  }

  saveCheck(c: ThemeCheck): void {
    this.save.run({ ...c, guessed: JSON.stringify(c.guessed), themes: JSON.stringify(c.themes) });
  }

  listChecks(filter: ThemeCheckFilter): ThemeCheck[] {
    return this.list.all({ project: filter.project ?? null, week: filter.week ?? null, by: filter.by ?? null }).map(fromRow);
  }
}
