/** The repository contract on SQLite: a new database file per test, faults injected from a second connection. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteRepository } from '../../src/storage/sqlite.js';
import { repositoryContract } from './contract.js';
import { refuseWrites } from './outside.js';

repositoryContract('SQLite', {
  fresh: async () => new SqliteRepository(join(mkdtempSync(join(tmpdir(), 'headroom-repo-')), 'db', 'headroom.db')),
  reopen: async (repo) => {
    await repo.close();
    return new SqliteRepository(repo.file);
  },
  schemaVersion: async (repo) => repo.schemaVersion(),
  refuseWrites: async (repo, table, action, message) => {
    const allow = refuseWrites(repo.file, table, action, message);
    return async () => allow();
  },
});
