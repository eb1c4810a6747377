import type { Database } from 'better-sqlite3';

/**
 * Schema versions, in order. Migration n brings PRAGMA user_version from n to n + 1. Never edit a
 * migration that has shipped: add a new one, so existing data files move forward step by step.
 */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [
  function initialSchema(db) {
    db.exec(`
      CREATE TABLE participants (
        id          TEXT PRIMARY KEY,
        code        TEXT NOT NULL COLLATE NOCASE UNIQUE,
        role        TEXT,
        locale      TEXT,
        consent     INTEGER,
        consent_at  TEXT,
        opted_out   INTEGER NOT NULL,
        project     TEXT NOT NULL,
        team        TEXT,
        channel     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );

      CREATE TABLE responses (
        id            TEXT PRIMARY KEY,
        project       TEXT NOT NULL,
        team          TEXT,
        participant   TEXT NOT NULL,
        role          TEXT NOT NULL,
        channel       TEXT NOT NULL,
        question_set  TEXT NOT NULL,
        question      TEXT NOT NULL,
        run_id        TEXT NOT NULL,
        theme         TEXT,
        themes        TEXT NOT NULL,
        score         REAL,
        skipped       INTEGER NOT NULL,
        text          TEXT,
        sentiment     TEXT,
        flagged       INTEGER NOT NULL,
        locale        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        week          TEXT NOT NULL
      );
      CREATE INDEX responses_project_week ON responses (project, week);
      CREATE INDEX responses_participant ON responses (participant);
      -- export pages walk these in order (keyset pagination), retention walks the first
      CREATE INDEX responses_created ON responses (created_at, id);
      CREATE INDEX responses_project_created ON responses (project, created_at, id);

      CREATE TABLE session_codes (
        code        TEXT PRIMARY KEY,
        project     TEXT NOT NULL,
        team        TEXT,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE contacts (
        participant      TEXT NOT NULL,
        channel          TEXT NOT NULL,
        sealed           TEXT NOT NULL,
        last_inbound_at  TEXT,
        disabled         INTEGER NOT NULL,
        locale           TEXT,
        project          TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        PRIMARY KEY (participant, channel)
      );
      CREATE INDEX contacts_project_channel ON contacts (project, channel);

      CREATE TABLE subscriptions (
        project     TEXT NOT NULL,
        lead        TEXT NOT NULL,
        ref         TEXT NOT NULL,
        locale      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (project, lead)
      );

      CREATE TABLE digest_claims (
        project     TEXT NOT NULL,
        week        TEXT NOT NULL,
        owner       TEXT NOT NULL,
        claimed_at  TEXT NOT NULL,
        sent_at     TEXT,
        PRIMARY KEY (project, week)
      ) WITHOUT ROWID;

      CREATE TABLE seen_messages (
        channel  TEXT NOT NULL,
        id       TEXT NOT NULL,
        at       TEXT NOT NULL,
        PRIMARY KEY (channel, id)
      ) WITHOUT ROWID;

      CREATE TABLE delivery_statuses (
        seq         INTEGER PRIMARY KEY,
        channel     TEXT NOT NULL,
        message_id  TEXT NOT NULL,
        status      TEXT NOT NULL,
        error_code  INTEGER,
        at          TEXT NOT NULL
      );
      CREATE INDEX delivery_statuses_message ON delivery_statuses (channel, message_id);

      CREATE TABLE audit (
        seq     INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        target  TEXT NOT NULL,
        rows    INTEGER NOT NULL
      );

      CREATE TABLE do_not_contact (
        participant  TEXT PRIMARY KEY
      ) WITHOUT ROWID;

      -- bot state values can be several kB: a rowid table keeps them off the key b-tree
      CREATE TABLE bot_state (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL,
        etag   TEXT NOT NULL
      );
    `);
  },
  function subscriptionLeadKey(db) {
    db.exec('ALTER TABLE subscriptions ADD COLUMN lead_key TEXT');
  },
  function webhookInbox(db) {
    // a payload is several kB: a rowid table, and seq keeps the order deliveries arrived in
    db.exec(`
      CREATE TABLE inbox (
        seq          INTEGER PRIMARY KEY,
        channel      TEXT NOT NULL,
        id           TEXT NOT NULL,
        payload      TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        UNIQUE (channel, id)
      );
      -- one row that /healthz rewrites: proof that the file still takes a write
      CREATE TABLE health (
        id  INTEGER PRIMARY KEY CHECK (id = 1),
        at  TEXT NOT NULL
      );
    `);
  },
  function themeChecks(db) {
    db.exec(`
      CREATE TABLE theme_checks (
        response     TEXT NOT NULL,
        by           TEXT NOT NULL,
        project      TEXT NOT NULL,
        week         TEXT NOT NULL,
        participant  TEXT NOT NULL,
        guessed      TEXT NOT NULL,
        themes       TEXT NOT NULL,
        text         TEXT,
        locale       TEXT NOT NULL,
        answered_at  TEXT NOT NULL,
        at           TEXT NOT NULL,
        PRIMARY KEY (response, by)
      ) WITHOUT ROWID;
      CREATE INDEX theme_checks_week ON theme_checks (project, week);
      CREATE INDEX theme_checks_participant ON theme_checks (participant);
      CREATE INDEX theme_checks_answered ON theme_checks (answered_at);
    `);
  },
  function projectUpdates(db) {
    db.exec(`
      CREATE TABLE project_updates (
        project       TEXT NOT NULL,
        number        INTEGER NOT NULL,
        theme         TEXT NOT NULL,
        week          TEXT NOT NULL,
        texts         TEXT NOT NULL,
        author        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        changed_at    TEXT,
        withdrawn_at  TEXT,
        notice_at     TEXT,
        PRIMARY KEY (project, number)
      ) WITHOUT ROWID;

      CREATE TABLE update_views (
        participant  TEXT NOT NULL,
        project      TEXT NOT NULL,
        number       INTEGER NOT NULL,
        at           TEXT NOT NULL,
        PRIMARY KEY (participant, project, number)
      ) WITHOUT ROWID;
      CREATE INDEX update_views_project ON update_views (project, number);
    `);
  },
];

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

/**
 * Brings the file to the latest version. Each step runs in its own IMMEDIATE transaction and
 * re-reads the version inside it, so two processes starting on the same file at once apply
 * every migration exactly once.
 */
export function migrate(db: Database, file: string): number {
  for (;;) {
    const applied = db
      .transaction(() => {
        const version = db.pragma('user_version', { simple: true }) as number;
        if (version > MIGRATIONS.length) {
          throw new SchemaTooNewError(
            `${file} has schema version ${version}, newer than this HoorMij knows (${MIGRATIONS.length}); upgrade HoorMij`,
          );
        }
        if (version === MIGRATIONS.length) return false;
        MIGRATIONS[version](db);
        db.pragma(`user_version = ${version + 1}`);
        return true;
      })
      .immediate();
    if (!applied) return MIGRATIONS.length;
  }
}
