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
function populated(): string {
  const file = join(fresh(), 'headroom.db');
  const repo = new SqliteRepository(file);
  for (let i = 0; i < 200; i++)
    repo.addEntry(GUILD, { kind: 'faq', title: `topic ${i}`, aliases: [], body: 'x'.repeat(400) }, 'test');
  repo.close(); // the last connection to close folds the WAL back into the file
  return file;
}

function refusal(file: string): StorageError {
  try {
    const repo = new SqliteRepository(file);
    // Some damage shows only when the pages are read.
    repo.listEntries(GUILD);
    repo.close();
  } catch (err) {
    expect(err).toBeInstanceOf(StorageError);
    return err as StorageError;
  }
  throw new Error(`${file} opened without complaint`);
}

describe('bad database files', () => {
  it('garbage: "not a Headroom database", with the path', () => {
    const file = join(fresh(), 'headroom.db');
    writeFileSync(file, 'not a database at all\n'.repeat(500));
    const e = refusal(file);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/not a Headroom database/);
    expect(e.message).toMatch(/backup|move it away/i);
  });

  it('truncated mid-file: named as damaged or not a database, with what to do', () => {
    const file = populated();
    truncateSync(file, Math.floor(readFileSync(file).length / 3));
    const e = refusal(file);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/damaged|not a Headroom database/);
  });

  it('pages overwritten with noise: named as damaged', () => {
    const file = populated();
    const bytes = readFileSync(file);
    for (let i = 4096 * 2; i < Math.min(bytes.length, 4096 * 6); i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(file, bytes);
    const e = refusal(file);
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/damaged|not a Headroom database/);
  });

  it('written by a newer Headroom: refused, saying to upgrade', () => {
    const file = populated();
    fromOutside(file, (db) => db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(9999));
    const e = refusal(file);
    expect(e.message).toMatch(/newer Headroom \(schema 9999/);
    expect(e.message).toMatch(/Upgrade Headroom/);
  });

  it('DATA_DIR is a file: says so', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'data'), 'x');
    const e = refusal(join(dir, 'data', 'headroom.db'));
    expect(e.message).toMatch(/is a file, not a folder/);
  });

  it('a folder that cannot be created: says so', () => {
    const e = refusal('/proc/headroom-nowhere/headroom.db');
    expect(e.message).toMatch(/\/proc\/headroom-nowhere/);
  });

  // Root may write anywhere, so permission refusals are only observable as another user.
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot)('a read-only folder: says to grant write access', () => {
    const dir = fresh();
    chmodSync(dir, 0o500);
    try {
      const e = refusal(join(dir, 'headroom.db'));
      expect(e.message).toMatch(/write access|read-only|Cannot write/);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
