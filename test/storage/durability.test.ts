import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteRepository } from '../../src/storage/sqlite.js';
import { fromOutside, integrity } from './outside.js';

const root = new URL('../../', import.meta.url).pathname;

/** Starts a writer, waits for `acks` acknowledged writes, then kills it with SIGKILL at once. */
function writeThenKill(file: string, prefix: string, acks: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/storage/durability-writer.ts', file, prefix], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffer = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const m = /^ACK (\d+)$/.exec(line);
        if (m && !killed) {
          acked.push(Number(m[1]));
          if (acked.length >= acks) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      }
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer ended without being killed (${signal})`)),
    );
    setTimeout(() => child.kill('SIGKILL'), 30_000);
  });
}

describe('durability', () => {
  it('every acknowledged entry survives SIGKILL right after its write, and the database stays intact', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'headroom-durability-')), 'headroom.db');
    const acknowledged: number[] = [];
    for (let round = 0; round < 6; round++)
      acknowledged.push(...(await writeThenKill(file, `r${round}`, round % 2 === 0 ? 1 : 25)));
    const repo = new SqliteRepository(file);
    try {
      const ids = new Set((await repo.listEntries('222222222222222222')).map((e) => e.id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(6);
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      await repo.close();
    }
    expect(integrity(file)).toBe('ok');
    expect(fromOutside(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  }, 60_000);
});
