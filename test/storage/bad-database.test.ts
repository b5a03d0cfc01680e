/**
 * A bad database file or data folder gives one StorageError naming the path and what to do, never a raw SQLite
 * error or a stack. (Exit codes through the real entry point: test/cli/exit-codes.test.ts.)
 */
import { chmodSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../src/storage/sqlite.js';
import { StorageError } from '../../src/storage/storage-errors.js';
import { fromOutside } from './outside.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'headroom-baddb-'));
const GUILD = '222222222222222222';

/** A real database with some entries, closed, ready to be damaged. */
async function populated(): Promise<string> {
  const file = join(fresh(), 'headroom.db');
  const repo = new SqliteRepository(file);
  for (let i = 0; i < 200; i++)
    await repo.addEntry(GUILD, { kind: 'faq', title: `topic ${i}`, aliases: [], body: 'x'.repeat(400) }, 'test');
  await repo.close(); // the last connection to close folds the WAL back into the file
  return file;
}

async function refusal(file: string): Promise<StorageError> {
  try {
    const repo = new SqliteRepository(file);
    // Some damage shows only when the pages are read.
    await repo.listEntries(GUILD);
    await repo.close();
  } catch (err) {
    expect(err).toBeInstanceOf(StorageError);
    return err as StorageError;
  }
  throw new Error(`${file} opened without complaint`);
}

describe('bad database files', () => {
  it('garbage: "not a Headroom database", with the path', async () => {
    const file = join(fresh(), 'headroom.db');
    writeFileSync(file, 'not a database at all\n'.repeat(500));
    const e = await refusal(file);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/not a Headroom database/);
    expect(e.message).toMatch(/backup|move it away/i);
  });

  it('truncated mid-file: named as damaged or not a database, with what to do', async () => {
    const file = await populated();
    truncateSync(file, Math.floor(readFileSync(file).length / 3));
    const e = await refusal(file);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/damaged|not a Headroom database/);
  });

  it('pages overwritten with noise: named as damaged', async () => {
    const file = await populated();
    const bytes = readFileSync(file);
    for (let i = 4096 * 2; i < Math.min(bytes.length, 4096 * 6); i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(file, bytes);
    const e = await refusal(file);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/damaged|not a Headroom database/);
  });

  it('written by a newer Headroom: refused, saying to upgrade', async () => {
    const file = await populated();
    fromOutside(file, (db) => db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(9999));
    const e = await refusal(file);
    expect(e.message).toMatch(/newer Headroom \(schema 9999/);
    expect(e.message).toMatch(/Upgrade Headroom/);
  });

  it('DATA_DIR is a file: says so', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'data'), 'x');
    const e = await refusal(join(dir, 'data', 'headroom.db'));
    expect(e.message).toMatch(/is a file, not a folder/);
  });

  it('a folder that cannot be created: says so', async () => {
    const e = await refusal('/proc/headroom-nowhere/headroom.db');
    expect(e.message).toMatch(/\/proc\/headroom-nowhere/);
  });

  // Root may write anywhere, so permission refusals are only observable as another user.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot)('a read-only folder: says to grant write access', async () => {
    const dir = fresh();
    chmodSync(dir, 0o500);
    try {
      const e = await refusal(join(dir, 'headroom.db'));
      expect(e.message).toMatch(/write access|read-only|Cannot write/);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
