/**
 * Several processes on one database file (shards, a CLI beside the bot): real processes, a real SQLite file, all
 * released at the same instant. Before immediate transactions and the exclusive migration, 48–78% of read-then-write
 * transactions failed with SQLITE_BUSY and some simultaneous starts crashed in the migration.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../src/storage/sqlite.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';
import { fromOutside, integrity } from './outside.js';

const root = new URL('../../', import.meta.url).pathname;

interface Report {
  name: string;
  ok: number;
  failures: number;
  errors: string[];
}

function writer(file: string, name: string, count: number, startFlag: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/storage/mixed-writer.ts', file, name, String(count), startFlag],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Report)
        : reject(new Error(`${name} exited ${code}: ${err}`)),
    );
  });
}

async function race(processes: number, count: number): Promise<{ file: string; reports: Report[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-concurrency-'));
  const file = join(dir, 'headroom.db'); // not created yet: every process races to create and migrate it
  const flag = join(dir, 'go');
  const running = Array.from({ length: processes }, (_, i) => writer(file, `w${i}`, count, flag));
  await new Promise((r) => setTimeout(r, 1500)); // let every child load and wait at the flag
  writeFileSync(flag, '');
  return { file, reports: await Promise.all(running) };
}

describe('several processes on one database', () => {
  it('4 processes × 1,000 mixed writes on a new file: no failures, nothing lost', async () => {
    const { file, reports } = await race(4, 1000);
    for (const r of reports) expect(r.errors, r.name).toEqual([]);
    expect(reports.reduce((n, r) => n + r.ok, 0)).toBe(4000);
    const repo = new SqliteRepository(file);
    try {
      expect(repo.schemaVersion()).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
      // Every writer's additions are there (op 0 of every six, plus the first): 167 each.
      const entries = await repo.listEntries('222222222222222222');
      for (const r of reports)
        expect(
          entries.filter((e) => ((e.input as { title?: string }).title ?? '').startsWith(`${r.name} topic`)).length,
          r.name,
        ).toBe(167);
    } finally {
      await repo.close();
    }
    expect(integrity(file)).toBe('ok');
  }, 180_000);

  it('12 processes starting at once on a new file all open it, and the schema is applied once', async () => {
    const { file, reports } = await race(12, 3);
    for (const r of reports) expect(r.errors, r.name).toEqual([]);
    const versions = fromOutside(
      file,
      (db) => db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[],
    );
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
  }, 180_000);
});
