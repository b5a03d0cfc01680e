/**
 * The SQLite implementation of the repository: better-sqlite3, WAL, one transaction per write, versioned migrations.
 */
import { importChanges } from './import-plan.js';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { EntryInput } from './entry-schema.js';
import { MIGRATIONS } from './migrations.js';
import { type EntryRow, QUESTION_MAX_CHARS, type RevisionRow, settingsFrom, toEntry, toRevision } from './rows.js';
import { SchemaTooNewError, StorageError, storageError } from './storage-errors.js';
import {
  ConflictError,
  NotFoundError,
  type Action,
  type Entry,
  type GuildSettings,
  type KnowledgeRepository,
  type Revision,
  type StatsSummary,
} from './repository.js';

/** How long a writer waits for another process's lock before giving up (ms). */
export const BUSY_TIMEOUT_MS = 10_000;

/** How long to pause before opening again after a start-up lock answered SQLITE_BUSY at once (grows per attempt). */
const OPEN_RETRY_MS = 20;
const OPEN_RETRY_MAX_MS = 200;

/** Blocks this thread for `ms` (only while opening the database at start). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Brings the schema up to date under an exclusive lock, reading the version inside the same transaction, so two
 * processes starting on a new database never both apply a migration. A schema newer than this build is refused.
 */
function migrate(db: Database.Database): void {
  const newest = Math.max(...MIGRATIONS.map((m) => m.version));
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > newest) throw new SchemaTooNewError(current, newest);
    for (const m of MIGRATIONS.filter((x) => x.version > current)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    }
  }).exclusive();
}

/**
 * A damaged file is refused at start, in plain words, rather than failing one command at a time later: SQLite's
 * quick_check reads every page (a few milliseconds for a bot's database of a few megabytes).
 */
function checkPages(db: Database.Database): void {
  const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const first = problems[0]?.quick_check ?? 'ok';
  if (first !== 'ok') throw Object.assign(new Error(first), { code: 'SQLITE_CORRUPT' });
}

export class SqliteRepository implements KnowledgeRepository {
  private readonly db!: Database.Database;

  /** Opens (creating when needed) the database; a problem with the file or folder is a StorageError in plain words. */
  constructor(readonly file: string) {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        if (file !== ':memory:') prepareFolder(file);
        this.db = this.open(file);
        return;
      } catch (err) {
        // Some of SQLite's start-up locks (the switch to WAL, the WAL index being rebuilt) answer SQLITE_BUSY at
        // once instead of waiting: with several processes starting together, open again after a short pause.
        const busy = (err as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
        if (!busy || Date.now() - started >= BUSY_TIMEOUT_MS) throw storageError(err, file);
        pause(Math.min(OPEN_RETRY_MAX_MS, OPEN_RETRY_MS * attempt));
      }
    }
  }

  private open(file: string): Database.Database {
    const db = new Database(file);
    try {
      // The wait comes first: with several processes starting at once, even switching to WAL needs the lock.
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      // FULL: a write acknowledged to the user survives a power cut or a kill, not only a crash of the process.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
      checkPages(db);
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** A write transaction that takes the write lock at its start (a deferred one cannot upgrade under contention). */
  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  schemaVersion(): number {
    return (this.db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number }).v;
  }

  private now(): string {
    return new Date().toISOString();
  }

  private bump(guildId: string): void {
    this.db
      .prepare(
        'INSERT INTO guild_revisions (guild_id, revision) VALUES (?, 1) ON CONFLICT (guild_id) DO UPDATE SET ' +
          'revision = revision + 1',
      )
      .run(guildId);
  }

  private row(guildId: string, id: number): EntryRow | undefined {
    return this.db.prepare('SELECT * FROM entries WHERE id = ? AND guild_id = ?').get(id, guildId) as
      | EntryRow
      | undefined;
  }

  private log(entryId: number, version: number, action: Action, input: EntryInput, actor: string, at: string): void {
    this.db
      .prepare('INSERT INTO revisions (entry_id, version, action, input, actor, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entryId, version, action, JSON.stringify(input), actor, at);
  }

  async listEntries(guildId: string, opts: { includeDeleted?: boolean } = {}): Promise<Entry[]> {
    const rows = this.db
      .prepare(`SELECT * FROM entries WHERE guild_id = ? ${opts.includeDeleted ? '' : 'AND deleted = 0'} ORDER BY id`)
      .all(guildId) as EntryRow[];
    return rows.map(toEntry);
  }

  async getEntry(guildId: string, id: number): Promise<Entry | null> {
    return this.entry(guildId, id);
  }

  private entry(guildId: string, id: number): Entry | null {
    const r = this.row(guildId, id);
    return r ? toEntry(r) : null;
  }

  private insert(guildId: string, input: EntryInput, actor: string, action: Action): Entry {
    const at = this.now();
    const info = this.db
      .prepare(
        'INSERT INTO entries (guild_id, input, version, deleted, created_at, updated_at, updated_by) VALUES (?, ?, ' +
          '1, 0, ?, ?, ?)',
      )
      .run(guildId, JSON.stringify(input), at, at, actor);
    const id = Number(info.lastInsertRowid);
    this.log(id, 1, action, input, actor, at);
    return toEntry(this.row(guildId, id)!);
  }

  private change(
    guildId: string,
    id: number,
    input: EntryInput,
    expectedVersion: number,
    actor: string,
    action: Action,
    deleted?: boolean,
  ): Entry {
    const current = this.row(guildId, id);
    if (!current) throw new NotFoundError(`no entry #${id} in this server`);
    if (current.version !== expectedVersion) throw new ConflictError(toEntry(current));
    const at = this.now();
    const version = current.version + 1;
    const res = this.db
      .prepare(
        'UPDATE entries SET input = ?, version = ?, deleted = ?, updated_at = ?, updated_by = ? WHERE id = ? AND ' +
          'guild_id = ? AND version = ?',
      )
      .run(
        JSON.stringify(input),
        version,
        (deleted ?? toEntry(current).deleted) ? 1 : 0,
        at,
        actor,
        id,
        guildId,
        expectedVersion,
      );
    if (res.changes !== 1) throw new ConflictError(toEntry(this.row(guildId, id)!));
    this.log(id, version, action, input, actor, at);
    return toEntry(this.row(guildId, id)!);
  }

  async addEntry(guildId: string, input: EntryInput, actor: string): Promise<Entry> {
    return this.write(() => {
      const e = this.insert(guildId, input, actor, 'add');
      this.bump(guildId);
      return e;
    });
  }

  async updateEntry(
    guildId: string,
    id: number,
    input: EntryInput,
    expectedVersion: number,
    actor: string,
  ): Promise<Entry> {
    return this.write(() => {
      const e = this.change(guildId, id, input, expectedVersion, actor, 'edit');
      this.bump(guildId);
      return e;
    });
  }

  async removeEntry(guildId: string, id: number, actor: string): Promise<Entry> {
    return this.setDeleted(guildId, id, actor, true);
  }

  async restoreEntry(guildId: string, id: number, actor: string): Promise<Entry> {
    return this.setDeleted(guildId, id, actor, false);
  }

  /** Remove (soft) or restore: a new version with the same content, logged like any edit. */
  private setDeleted(guildId: string, id: number, actor: string, deleted: boolean): Entry {
    return this.write(() => {
      const current = this.entry(guildId, id);
      if (!current) throw new NotFoundError(`no entry #${id} in this server`);
      if (current.deleted === deleted) return current;
      const e = this.change(
        guildId,
        id,
        current.input,
        current.version,
        actor,
        deleted ? 'remove' : 'restore',
        deleted,
      );
      this.bump(guildId);
      return e;
    });
  }

  async history(guildId: string, id: number): Promise<Revision[]> {
    if (!this.row(guildId, id)) return [];
    const rows = this.db
      .prepare('SELECT * FROM revisions WHERE entry_id = ? ORDER BY version')
      .all(id) as RevisionRow[];
    return rows.map(toRevision);
  }

  async importEntries(
    guildId: string,
    items: { id?: number; input: EntryInput }[],
    actor: string,
  ): Promise<{ added: number; changed: number }> {
    return this.write(() => {
      let added = 0;
      let changed = 0;
      for (const item of items) {
        const current = item.id !== undefined ? this.entry(guildId, item.id) : null;
        if (current) {
          if (!importChanges(current, item.input)) continue;
          this.change(guildId, current.id, item.input, current.version, actor, 'import', false);
          changed += 1;
        } else {
          this.insert(guildId, item.input, actor, 'import');
          added += 1;
        }
      }
      this.bump(guildId);
      return { added, changed };
    });
  }

  async savePendingImport(guildId: string, items: { id?: number; input: EntryInput }[]): Promise<number> {
    const info = this.db
      .prepare('INSERT INTO pending_imports (guild_id, payload, created_at) VALUES (?, ?, ?)')
      .run(guildId, JSON.stringify(items), this.now());
    return Number(info.lastInsertRowid);
  }

  async takePendingImport(guildId: string, id: number): Promise<{ id?: number; input: EntryInput }[] | null> {
    return this.write(() => {
      const row = this.db
        .prepare('SELECT payload FROM pending_imports WHERE id = ? AND guild_id = ?')
        .get(id, guildId) as { payload: string } | undefined;
      if (!row) return null;
      this.db.prepare('DELETE FROM pending_imports WHERE id = ?').run(id);
      return JSON.parse(row.payload) as { id?: number; input: EntryInput }[];
    });
  }

  async revision(guildId: string): Promise<number> {
    const row = this.db.prepare('SELECT revision FROM guild_revisions WHERE guild_id = ?').get(guildId) as
      | { revision: number }
      | undefined;
    return row?.revision ?? 0;
  }

  async getSettings(guildId: string): Promise<GuildSettings> {
    return this.settings(guildId);
  }

  private settings(guildId: string): GuildSettings {
    const row = this.db.prepare('SELECT value FROM settings WHERE guild_id = ?').get(guildId) as
      | { value: string }
      | undefined;
    return settingsFrom(row?.value);
  }

  async updateSettings(guildId: string, patch: Partial<GuildSettings>): Promise<GuildSettings> {
    return this.write(() => {
      const next = { ...this.settings(guildId), ...patch };
      this.db
        .prepare(
          'INSERT INTO settings (guild_id, value) VALUES (?, ?) ON CONFLICT (guild_id) DO UPDATE SET value = ' +
            'excluded.value',
        )
        .run(guildId, JSON.stringify(next));
      return next;
    });
  }

  async recordQuestion(guildId: string, question: string, answeredKey: string | null): Promise<void> {
    await this.recordQuestions([{ guildId, question, answeredKey }]);
  }

  /** Many questions in one transaction (the statistics queue flushes this way). */
  async recordQuestions(
    items: readonly { guildId: string; question: string; answeredKey: string | null }[],
  ): Promise<void> {
    const insert = this.db.prepare('INSERT INTO questions (guild_id, question, answered_key, at) VALUES (?, ?, ?, ?)');
    const at = this.now();
    this.write(() => {
      for (const q of items) insert.run(q.guildId, q.question.slice(0, QUESTION_MAX_CHARS), q.answeredKey, at);
    });
  }

  async recordNotWhatIAsked(guildId: string, key: string): Promise<number> {
    return this.write(() => {
      this.db
        .prepare(
          'INSERT INTO not_what_i_asked (guild_id, key, count) VALUES (?, ?, 1) ON CONFLICT (guild_id, key) DO ' +
            'UPDATE SET count = count + 1',
        )
        .run(guildId, key);
      return (
        this.db.prepare('SELECT count FROM not_what_i_asked WHERE guild_id = ? AND key = ?').get(guildId, key) as {
          count: number;
        }
      ).count;
    });
  }

  async stats(guildId: string, limit = 5): Promise<StatsSummary> {
    return {
      topAsked: this.db
        .prepare(
          'SELECT answered_key AS key, COUNT(*) AS count FROM questions WHERE guild_id = ? AND answered_key IS NOT ' +
            'NULL GROUP BY answered_key ORDER BY count DESC, key LIMIT ?',
        )
        .all(guildId, limit) as { key: string; count: number }[],
      notWhatIAsked: this.db
        .prepare('SELECT key, count FROM not_what_i_asked WHERE guild_id = ? ORDER BY count DESC, key LIMIT ?')
        .all(guildId, limit) as { key: string; count: number }[],
      gaps: this.db
        .prepare(
          'SELECT id, question, at FROM questions WHERE guild_id = ? AND answered_key IS NULL ORDER BY id DESC LIMIT ?',
        )
        .all(guildId, limit) as { id: number; question: string; at: string }[],
    };
  }

  async gap(guildId: string, id: number): Promise<string | null> {
    const row = this.db
      .prepare('SELECT question FROM questions WHERE id = ? AND guild_id = ? AND answered_key IS NULL')
      .get(id, guildId) as { question: string } | undefined;
    return row?.question ?? null;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** The data folder must be a folder the bot can write in; say so plainly when it is not. */
/**
 * Creates `dir` and any missing parents one level at a time. Not `mkdirSync(dir, { recursive: true })`: on a file
 * system that answers ENOENT to every new entry (/proc) Node's recursive mkdir retries forever.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process made it first
    }
  }
}

function prepareFolder(file: string): void {
  const dir = dirname(file);
  try {
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st && !st.isDirectory()) {
      throw new StorageError(`${dir} is a file, not a folder. Point DATA_DIR at a folder (it is created if missing).`);
    }
    makeFolders(dir);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    if (err instanceof StorageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new StorageError(
        `Cannot write in ${dir} (${code}). Give the bot's user write access to it, or set DATA_DIR to a folder it ` +
          `can write.`,
      );
    }
    if (code === 'ENOTDIR' || code === 'EEXIST')
      throw new StorageError(`${dir} cannot be a folder: part of that path is a file. Set DATA_DIR to a folder.`);
    if (code === 'ENOENT')
      throw new StorageError(
        `Cannot create the folder ${dir}: that file system does not allow new folders there. Set DATA_DIR to a ` +
          `writable folder.`,
      );
    throw err;
  }
}
