/**
 * The PostgreSQL implementation of the repository (`DATABASE_URL=postgres://…`), for several shards or machines
 * sharing one store: pooled connections (pg), versioned migrations under an advisory lock (two processes starting on
 * an empty database never both apply one), one transaction per write, the optimistic update as
 * `UPDATE … WHERE id = $1 AND version = $2`. Every write that changes a server's knowledge bumps its revision and
 * sends a NOTIFY on REVISION_CHANNEL in the same transaction, so other processes' caches can follow.
 */
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { EntryInput } from './entry-schema.js';
import { importChanges } from './import-plan.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import { type EntryRow, QUESTION_MAX_CHARS, type RevisionRow, settingsFrom, toEntry, toRevision } from './rows.js';
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
import { SchemaTooNewError, StorageError } from './storage-errors.js';

/** The channel every revision bump is announced on (payload: the server id). */
export const REVISION_CHANNEL = 'headroom_revisions';
/** Knobs: pool size per process, and how long to wait for a connection (ms). */
export const PG_POOL = { max: 10, connectTimeoutMs: 5_000 } as const;
/** Knobs: servers whose revision is kept in memory, and the wait before the listener reconnects (ms, doubling). */
export const REVISION_CACHE = { servers: 100_000, reconnectMs: 250, reconnectMaxMs: 10_000 } as const;
/** The advisory lock migrations run under (any constant shared by every Headroom process). */
const MIGRATION_LOCK = 7_246_830_113;

type Db = pg.Pool | pg.PoolClient;

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the DATABASE_URL (not a valid URL)';
  }
}

/** What pg or the network threw, as a StorageError that says what to check (never the password). */
export function pgStorageError(err: unknown, url: string): StorageError {
  if (err instanceof StorageError) return err;
  const where = redactUrl(url);
  const e = err as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code ?? '';
  if (err instanceof SchemaTooNewError)
    return new StorageError(
      `The database at ${where} was written by a newer Headroom (schema ${err.found}; this build knows up to ` +
        `${err.known}). Upgrade Headroom.`,
    );
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT')
    return new StorageError(
      `Cannot reach PostgreSQL at ${where} (${code}). Check DATABASE_URL and that the server is running.`,
    );
  if (code === '28P01' || code === '28000')
    return new StorageError(`PostgreSQL at ${where} refused the user name or password. Check DATABASE_URL.`);
  if (code === '3D000')
    return new StorageError(`The database named in ${where} does not exist. Create it, or fix DATABASE_URL.`);
  const what = (e.message ?? String(err)).split('\n')[0]!.replace(/:\/\/[^@/\s]*@/g, '://***@');
  return new StorageError(`Cannot use PostgreSQL at ${where}: ${what}`);
}

export class PostgresRepository implements KnowledgeRepository {
  /**
   * Revisions known to be current, kept only while the listener is connected: every bump (from any process) is
   * announced on REVISION_CHANNEL and drops the server's entry, so the next read goes to the database. `heard`
   * counts announcements per server, so a read that raced one is not kept.
   */
  private readonly known = new LRUCache<string, number>({ max: REVISION_CACHE.servers });
  private readonly heard = new Map<string, number>();
  /** The servers each open transaction bumped (forgotten at its commit). */
  private readonly bumping = new WeakMap<pg.PoolClient, Set<string>>();
  private listener: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private retryMs: number = REVISION_CACHE.reconnectMs;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    readonly url: string,
  ) {}

  /** True while revision bumps from every process are being heard (the in-memory revisions are then trusted). */
  get listening(): boolean {
    return this.listener !== null;
  }

  private async listen(): Promise<void> {
    const c = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: PG_POOL.connectTimeoutMs });
    const lost = () => {
      if (this.listener === c) this.listener = null;
      this.known.clear();
      c.removeAllListeners('end');
      void c.end().catch(() => {});
      this.reconnectLater();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.payload) this.forget(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${REVISION_CHANNEL}`);
    } catch {
      lost();
      return;
    }
    if (this.closed) return void (await c.end().catch(() => {}));
    this.known.clear();
    this.listener = c;
    this.retryMs = REVISION_CACHE.reconnectMs;
  }

  private reconnectLater(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listen();
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(REVISION_CACHE.reconnectMaxMs, this.retryMs * 2);
  }

  /** Connects, brings the schema up to date and checks it; a problem is a StorageError in plain words. */
  static async open(url: string, options: { max?: number } = {}): Promise<PostgresRepository> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? PG_POOL.max,
      connectionTimeoutMillis: PG_POOL.connectTimeoutMs,
    });
    // an idle client that loses its server (a restart) must not crash the process: the pool replaces it
    pool.on('error', () => {});
    try {
      await migrate(pool);
      const repo = new PostgresRepository(pool, url);
      await repo.listen();
      return repo;
    } catch (err) {
      await pool.end().catch(() => {});
      throw pgStorageError(err, url);
    }
  }

  /**
   * A transaction on one pooled connection: committed when `fn` resolves, rolled back when it throws. The servers
   * whose revision it bumped are forgotten here at the commit (this process's next question must not wait for its
   * own announcement to come back).
   */
  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.connect();
    const bumped = new Set<string>();
    this.bumping.set(c, bumped);
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      for (const guildId of bumped) this.forget(guildId);
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      this.bumping.delete(c);
      c.release();
    }
  }

  /** A server's revision changed: drop what is kept, and count it so a read racing the change is not kept. */
  private forget(guildId: string): void {
    this.heard.set(guildId, (this.heard.get(guildId) ?? 0) + 1);
    this.known.delete(guildId);
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      throw pgStorageError(err, this.url);
    }
  }

  private async query<R extends pg.QueryResultRow>(db: Db, sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await db.query<R>(sql, params)).rows;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      // SQL errors are the caller's to see as they are; a lost connection is a StorageError
      if (/^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57')) throw err;
      throw pgStorageError(err, this.url);
    }
  }

  async schemaVersion(): Promise<number> {
    const rows = await this.query<{ v: number }>(this.pool, 'SELECT MAX(version) AS v FROM schema_version');
    return rows[0]?.v ?? 0;
  }

  private async bump(c: pg.PoolClient, guildId: string): Promise<void> {
    this.bumping.get(c)?.add(guildId);
    await this.query(
      c,
      'INSERT INTO guild_revisions (guild_id, revision) VALUES ($1, 1) ON CONFLICT (guild_id) DO UPDATE SET ' +
        'revision = guild_revisions.revision + 1',
      [guildId],
    );
    await this.query(c, 'SELECT pg_notify($1, $2)', [REVISION_CHANNEL, guildId]);
  }

  private async row(c: Db, guildId: string, id: number, lock = false): Promise<EntryRow | undefined> {
    const rows = await this.query<EntryRow>(
      c,
      `SELECT * FROM entries WHERE id = $1 AND guild_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [id, guildId],
    );
    return rows[0];
  }

  private async log(c: Db, entryId: number, version: number, action: Action, input: EntryInput, actor: string) {
    await this.query(
      c,
      'INSERT INTO revisions (entry_id, version, action, input, actor, at) VALUES ($1, $2, $3, $4, $5, $6)',
      [entryId, version, action, JSON.stringify(input), actor, now()],
    );
  }

  async listEntries(guildId: string, opts: { includeDeleted?: boolean } = {}): Promise<Entry[]> {
    const rows = await this.query<EntryRow>(
      this.pool,
      `SELECT * FROM entries WHERE guild_id = $1 ${opts.includeDeleted ? '' : 'AND NOT deleted'} ORDER BY id`,
      [guildId],
    );
    return rows.map(toEntry);
  }

  async getEntry(guildId: string, id: number): Promise<Entry | null> {
    const r = await this.row(this.pool, guildId, id);
    return r ? toEntry(r) : null;
  }

  private async insert(c: Db, guildId: string, input: EntryInput, actor: string, action: Action): Promise<Entry> {
    const at = now();
    const [row] = await this.query<EntryRow>(
      c,
      'INSERT INTO entries (guild_id, input, version, deleted, created_at, updated_at, updated_by) VALUES ($1, $2, ' +
        '1, FALSE, $3, $3, $4) RETURNING *',
      [guildId, JSON.stringify(input), at, actor],
    );
    await this.log(c, row!.id, 1, action, input, actor);
    return toEntry(row!);
  }

  private async change(
    c: Db,
    guildId: string,
    id: number,
    input: EntryInput,
    expectedVersion: number,
    actor: string,
    action: Action,
    deleted?: boolean,
  ): Promise<Entry> {
    const current = await this.row(c, guildId, id, true);
    if (!current) throw new NotFoundError(`no entry #${id} in this server`);
    if (current.version !== expectedVersion) throw new ConflictError(toEntry(current));
    const [row] = await this.query<EntryRow>(
      c,
      'UPDATE entries SET input = $1, version = version + 1, deleted = $2, updated_at = $3, updated_by = $4 ' +
        'WHERE id = $5 AND guild_id = $6 AND version = $7 RETURNING *',
      [JSON.stringify(input), deleted ?? toEntry(current).deleted, now(), actor, id, guildId, expectedVersion],
    );
    if (!row) throw new ConflictError(toEntry((await this.row(c, guildId, id))!));
    await this.log(c, id, row.version, action, input, actor);
    return toEntry(row);
  }

  addEntry(guildId: string, input: EntryInput, actor: string): Promise<Entry> {
    return this.tx(async (c) => {
      const e = await this.insert(c, guildId, input, actor, 'add');
      await this.bump(c, guildId);
      return e;
    });
  }

  updateEntry(guildId: string, id: number, input: EntryInput, expectedVersion: number, actor: string) {
    return this.tx(async (c) => {
      const e = await this.change(c, guildId, id, input, expectedVersion, actor, 'edit');
      await this.bump(c, guildId);
      return e;
    });
  }

  removeEntry(guildId: string, id: number, actor: string): Promise<Entry> {
    return this.setDeleted(guildId, id, actor, true);
  }

  restoreEntry(guildId: string, id: number, actor: string): Promise<Entry> {
    return this.setDeleted(guildId, id, actor, false);
  }

  private setDeleted(guildId: string, id: number, actor: string, deleted: boolean): Promise<Entry> {
    return this.tx(async (c) => {
      const row = await this.row(c, guildId, id, true);
      if (!row) throw new NotFoundError(`no entry #${id} in this server`);
      const current = toEntry(row);
      if (current.deleted === deleted) return current;
      const action = deleted ? 'remove' : 'restore';
      const e = await this.change(c, guildId, id, current.input, current.version, actor, action, deleted);
      await this.bump(c, guildId);
      return e;
    });
  }

  async history(guildId: string, id: number): Promise<Revision[]> {
    if (!(await this.row(this.pool, guildId, id))) return [];
    const rows = await this.query<RevisionRow>(
      this.pool,
      'SELECT * FROM revisions WHERE entry_id = $1 ORDER BY version',
      [id],
    );
    return rows.map(toRevision);
  }

  importEntries(guildId: string, items: { id?: number; input: EntryInput }[], actor: string) {
    return this.tx(async (c) => {
      let added = 0;
      let changed = 0;
      for (const item of items) {
        const row = item.id !== undefined ? await this.row(c, guildId, item.id, true) : undefined;
        if (row) {
          const current = toEntry(row);
          if (!importChanges(current, item.input)) continue;
          await this.change(c, guildId, current.id, item.input, current.version, actor, 'import', false);
          changed += 1;
        } else {
          await this.insert(c, guildId, item.input, actor, 'import');
          added += 1;
        }
      }
      await this.bump(c, guildId);
      return { added, changed };
    });
  }

  async savePendingImport(guildId: string, items: { id?: number; input: EntryInput }[]): Promise<number> {
    const [row] = await this.query<{ id: number }>(
      this.pool,
      'INSERT INTO pending_imports (guild_id, payload, created_at) VALUES ($1, $2, $3) RETURNING id',
      [guildId, JSON.stringify(items), now()],
    );
    return row!.id;
  }

  takePendingImport(guildId: string, id: number): Promise<{ id?: number; input: EntryInput }[] | null> {
    return this.tx(async (c) => {
      const [row] = await this.query<{ payload: string }>(
        c,
        'DELETE FROM pending_imports WHERE id = $1 AND guild_id = $2 RETURNING payload',
        [id, guildId],
      );
      return row ? (JSON.parse(row.payload) as { id?: number; input: EntryInput }[]) : null;
    });
  }

  /** From memory while the listener hears every bump; else (and on a miss) from the database. */
  async revision(guildId: string): Promise<number> {
    const kept = this.listening ? this.known.get(guildId) : undefined;
    if (kept !== undefined) return kept;
    const heardBefore = this.heard.get(guildId) ?? 0;
    const [row] = await this.query<{ revision: number }>(
      this.pool,
      'SELECT revision FROM guild_revisions WHERE guild_id = $1',
      [guildId],
    );
    const revision = row?.revision ?? 0;
    if (this.listening && (this.heard.get(guildId) ?? 0) === heardBefore) this.known.set(guildId, revision);
    return revision;
  }

  private async settings(db: Db, guildId: string, lock = false): Promise<GuildSettings> {
    const [row] = await this.query<{ value: string }>(
      db,
      `SELECT value FROM settings WHERE guild_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [guildId],
    );
    return settingsFrom(row?.value);
  }

  getSettings(guildId: string): Promise<GuildSettings> {
    return this.settings(this.pool, guildId);
  }

  updateSettings(guildId: string, patch: Partial<GuildSettings>): Promise<GuildSettings> {
    return this.tx(async (c) => {
      const next = { ...(await this.settings(c, guildId, true)), ...patch };
      await this.query(
        c,
        'INSERT INTO settings (guild_id, value) VALUES ($1, $2) ON CONFLICT (guild_id) DO UPDATE SET value = ' +
          'excluded.value',
        [guildId, JSON.stringify(next)],
      );
      return next;
    });
  }

  async recordQuestion(guildId: string, question: string, answeredKey: string | null): Promise<void> {
    await this.recordQuestions([{ guildId, question, answeredKey }]);
  }

  async recordQuestions(
    items: readonly { guildId: string; question: string; answeredKey: string | null }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const at = now();
    const values = items.map((_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`).join(', ');
    const params = items.flatMap((q) => [q.guildId, q.question.slice(0, QUESTION_MAX_CHARS), q.answeredKey, at]);
    await this.query(
      this.pool,
      `INSERT INTO questions (guild_id, question, answered_key, at) VALUES ${values}`,
      params,
    );
  }

  async recordNotWhatIAsked(guildId: string, key: string): Promise<number> {
    const [row] = await this.query<{ count: number }>(
      this.pool,
      'INSERT INTO not_what_i_asked (guild_id, key, count) VALUES ($1, $2, 1) ON CONFLICT (guild_id, key) DO ' +
        'UPDATE SET count = not_what_i_asked.count + 1 RETURNING count',
      [guildId, key],
    );
    return row!.count;
  }

  async stats(guildId: string, limit = 5): Promise<StatsSummary> {
    const [topAsked, notWhatIAsked, gaps] = await Promise.all([
      this.query<{ key: string; count: number }>(
        this.pool,
        'SELECT answered_key AS key, COUNT(*)::int AS count FROM questions WHERE guild_id = $1 AND answered_key IS ' +
          'NOT NULL GROUP BY answered_key ORDER BY count DESC, key LIMIT $2',
        [guildId, limit],
      ),
      this.query<{ key: string; count: number }>(
        this.pool,
        'SELECT key, count FROM not_what_i_asked WHERE guild_id = $1 ORDER BY count DESC, key LIMIT $2',
        [guildId, limit],
      ),
      this.query<{ id: number; question: string; at: string }>(
        this.pool,
        'SELECT id, question, at FROM questions WHERE guild_id = $1 AND answered_key IS NULL ORDER BY id DESC ' +
          'LIMIT $2',
        [guildId, limit],
      ),
    ]);
    return { topAsked, notWhatIAsked, gaps };
  }

  async gap(guildId: string, id: number): Promise<string | null> {
    const [row] = await this.query<{ question: string }>(
      this.pool,
      'SELECT question FROM questions WHERE id = $1 AND guild_id = $2 AND answered_key IS NULL',
      [id, guildId],
    );
    return row?.question ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const listener = this.listener;
    this.listener = null;
    listener?.removeAllListeners('end');
    await listener?.end().catch(() => {});
    await this.pool.end();
  }
}

const now = () => new Date().toISOString();

/**
 * Brings the schema up to date: one process at a time (a session advisory lock), the version read and every
 * migration applied in one transaction. A schema newer than this build is refused.
 */
async function migrate(pool: pg.Pool): Promise<void> {
  const newest = Math.max(...PG_MIGRATIONS.map((m) => m.version));
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await c.query('BEGIN');
      await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const { rows } = await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
      const current = rows[0]?.v ?? 0;
      if (current > newest) throw new SchemaTooNewError(current, newest);
      for (const m of PG_MIGRATIONS.filter((x) => x.version > current)) {
        await c.query(m.sql);
        await c.query('INSERT INTO schema_version (version) VALUES ($1)', [m.version]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    }
  } finally {
    c.release();
  }
}
