/** Versioned schema migrations, run in order on start (each in its own transaction). */
export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id TEXT NOT NULL,
        input TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX entries_guild ON entries (guild_id, deleted);
      CREATE TABLE revisions (
        entry_id INTEGER NOT NULL REFERENCES entries (id),
        version INTEGER NOT NULL,
        action TEXT NOT NULL,
        input TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (entry_id, version)
      );
      CREATE TABLE settings (
        guild_id TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE guild_revisions (
        guild_id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id TEXT NOT NULL,
        question TEXT NOT NULL,
        answered_key TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX questions_guild ON questions (guild_id, answered_key);
      CREATE TABLE not_what_i_asked (
        guild_id TEXT NOT NULL,
        key TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (guild_id, key)
      );
      CREATE TABLE pending_imports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
];
