/**
 * `npm run test:pg`: the repository contract on a real PostgreSQL server started by this file (test/pg/pg-server.ts),
 * a new database per test; then what only a server has: concurrent start-up migrations, wrong credentials, an
 * unreachable server, and a server that goes away and comes back.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brains } from '../../src/answer/brains.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { PostgresRepository, REVISION_CHANNEL } from '../../src/storage/postgres.js';
import { StorageError } from '../../src/storage/storage-errors.js';
import { repositoryContract } from '../storage/contract.js';
import { PG_PASSWORD, PostgresServer } from './pg-server.js';

let server: PostgresServer;
let databases = 0;
const started = PostgresServer.start().then((s) => (server = s));

beforeAll(async () => {
  await started;
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function freshUrl(): Promise<string> {
  await started;
  databases += 1;
  return server.createDatabase(`headroom_test_${process.pid}_${databases}`);
}

async function admin<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

repositoryContract('PostgreSQL', {
  fresh: async () => PostgresRepository.open(await freshUrl()),
  reopen: async (repo) => {
    await repo.close();
    return PostgresRepository.open(repo.url);
  },
  schemaVersion: (repo) => repo.schemaVersion(),
  refuseWrites: async (repo, table, action, message) => {
    const name = `test_refuse_${table}_${action.toLowerCase()}`;
    await admin(repo.url, (c) =>
      c.query(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$;` +
          `CREATE TRIGGER ${name} BEFORE ${action} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();`,
      ),
    );
    return async () => {
      await admin(repo.url, (c) => c.query(`DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}();`));
    };
  },
});

describe('PostgreSQL server behaviour', () => {
  it('migrates once when several processes start together on an empty database', async () => {
    const url = await freshUrl();
    const repos = await Promise.all([1, 2, 3, 4].map(() => PostgresRepository.open(url, { max: 2 })));
    const versions = await admin(url, (c) => c.query('SELECT version FROM schema_version ORDER BY version'));
    expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
    await Promise.all(repos.map((r) => r.close()));
  });

  it('announces every revision bump on the notification channel, after the commit', async () => {
    const url = await freshUrl();
    const repo = await PostgresRepository.open(url);
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(`${n.channel}:${n.payload}`));
    await listener.query(`LISTEN ${REVISION_CHANNEL}`);
    await repo.addEntry('900000000000000001', { kind: 'faq', title: 'Heard question', aliases: [], body: 'x' }, 'm');
    await expect.poll(() => heard).toEqual([`${REVISION_CHANNEL}:900000000000000001`]);
    await listener.end();
    await repo.close();
  });

  it('keeps two processes coherent: a write through one is the next revision the other sees, from memory', async () => {
    const url = await freshUrl();
    const [one, two] = await Promise.all([PostgresRepository.open(url), PostgresRepository.open(url)]);
    const guild = '900000000000000004';
    expect(two.listening).toBe(true);
    expect(await two.revision(guild)).toBe(0); // read once, then kept
    await one.addEntry(guild, { kind: 'faq', title: 'Added through one', aliases: [], body: 'x' }, 'm');
    await expect.poll(() => two.revision(guild)).toBe(1);
    // kept: the database changed behind the listener's back is not seen until the next announcement
    await admin(url, (c) => c.query('UPDATE guild_revisions SET revision = 41 WHERE guild_id = $1', [guild]));
    expect(await two.revision(guild)).toBe(1);
    await one.updateEntry(guild, 1, { kind: 'faq', title: 'Edited through one', aliases: [], body: 'y' }, 1, 'm');
    await expect.poll(() => two.revision(guild)).toBe(42);
    await Promise.all([one.close(), two.close()]);
  });

  it('reads revisions from the database while its listener is gone, and listens again by itself', async () => {
    const url = await freshUrl();
    const [one, two] = await Promise.all([PostgresRepository.open(url), PostgresRepository.open(url)]);
    const guild = '900000000000000005';
    expect(await two.revision(guild)).toBe(0);
    await admin(url, (c) =>
      c.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
      ),
    );
    await expect.poll(() => two.listening).toBe(false);
    await one.addEntry(guild, { kind: 'faq', title: 'Added while deaf', aliases: [], body: 'x' }, 'm');
    expect(await two.revision(guild)).toBe(1); // no stale answer while deaf
    await expect.poll(() => two.listening, { timeout: 15_000 }).toBe(true);
    await one.addEntry(guild, { kind: 'faq', title: 'Added once listening', aliases: [], body: 'x' }, 'm');
    await expect.poll(() => two.revision(guild)).toBe(2);
    await Promise.all([one.close(), two.close()]);
  }, 30_000);

  it('refuses wrong credentials in plain words, without the password', async () => {
    const url = await freshUrl();
    const wrong = url.replace(encodeURIComponent(PG_PASSWORD), 'not-the-password');
    const err = await PostgresRepository.open(wrong).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).toMatch(/refused the user name or password/);
    expect((err as Error).message).not.toContain('not-the-password');
  });

  it('says when nothing listens at the address', async () => {
    const err = await PostgresRepository.open(`postgres://headroom:${PG_PASSWORD}@127.0.0.1:1/none`).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).toMatch(/Cannot reach PostgreSQL at postgres:\/\/headroom:\*\*\*@127\.0\.0\.1:1/);
    expect((err as Error).message).not.toContain(PG_PASSWORD);
  });

  it('refuses work while the server is gone and reconnects by itself when it is back', async () => {
    const repo = await PostgresRepository.open(await freshUrl());
    const guild = '900000000000000003';
    await repo.addEntry(guild, { kind: 'faq', title: 'Before the outage', aliases: [], body: 'x' }, 'm');
    server.stopServer();
    try {
      const err = await repo.listEntries(guild).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StorageError);
      expect((err as Error).message).not.toContain(PG_PASSWORD);
    } finally {
      server.startServer();
    }
    await expect.poll(async () => (await repo.listEntries(guild).catch(() => [])).length, { timeout: 15_000 }).toBe(1);
    await repo.addEntry(guild, { kind: 'faq', title: 'After the outage', aliases: [], body: 'x' }, 'm');
    expect(await repo.listEntries(guild)).toHaveLength(2);
    await repo.close();
  }, 60_000);

  it('keeps answering while the server is gone: the last brain built, else the built-in knowledge', async () => {
    const repo = await PostgresRepository.open(await freshUrl());
    const problems: unknown[] = [];
    const brains = new Brains(loadKnowledge(), repo, undefined, (err) => problems.push(err));
    const guild = '900000000000000006';
    const body = 'In this server we point beginners at the Scarlett Solo.';
    await repo.addEntry(
      guild,
      { kind: 'faq', title: 'Which interface should a beginner buy?', aliases: [], body },
      'm',
    );
    const ask = async (g: string) =>
      JSON.stringify((await brains.for(g)).ask('which interface should a beginner buy?'));
    expect(await ask(guild)).toContain(body);
    server.stopServer();
    try {
      expect(await ask(guild)).toContain(body); // the server's last brain
      expect((await brains.for('900000000000000007')).ask('are headphones an input or an output?').kind).toBe('faq');
      expect(problems.length).toBeGreaterThanOrEqual(2);
      expect(problems.every((p) => p instanceof StorageError)).toBe(true);
      await expect(
        repo.addEntry(guild, { kind: 'faq', title: 'Refused edit', aliases: [], body: 'x' }, 'm'),
      ).rejects.toBeInstanceOf(StorageError);
    } finally {
      server.startServer();
    }
    await expect.poll(async () => (await repo.listEntries(guild).catch(() => [])).length, { timeout: 15_000 }).toBe(1);
    await repo.close();
  }, 60_000);
});
