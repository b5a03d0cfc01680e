/**
 * `npm start` on a deployment (a token is set): every problem a restart cannot cure exits 2 with one plain message,
 * and the token never appears in what it prints. Runs the real entry point in a child process.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../discord/fake-discord.js';

const root = new URL('../../', import.meta.url).pathname;
/** The tsx loader by path: the child runs in a scratch folder, where the bare name would not resolve. */
const TSX = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const TOKEN = 'MTExMTExMTExMTExMTExMTEx.exit-code-test.token-value-xyz';

interface Run {
  status: number | null;
  out: string;
}

/** Runs src/main.ts with exactly these variables (no .env from the checkout: cwd is a scratch folder). */
function start(env: Record<string, string>): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), 'headroom-exit-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, join(root, 'src/main.ts')], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, out });
    });
  });
}

const fake = new FakeDiscord();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe('exit codes of a deployment', () => {
  it('a bad setting exits 2 and names every bad variable', async () => {
    const run = await start({
      DISCORD_TOKEN: TOKEN,
      LOG_LEVEL: 'loud',
      DEV_GUILD_ID: 'abc',
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(run.status).toBe(2);
    expect(run.out).toMatch(/LOG_LEVEL/);
    expect(run.out).toMatch(/DEV_GUILD_ID/);
    expect(run.out).not.toContain(TOKEN);
  }, 70_000);

  it('a DATABASE_URL that is no postgres:// URL exits 2; one nobody listens at exits 2, password unsaid', async () => {
    const bad = await start({ DISCORD_TOKEN: TOKEN, DATABASE_URL: 'mysql://x@y/z', DISCORD_API_URL: fake.apiUrl });
    expect(bad.status).toBe(2);
    expect(bad.out).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
    const gone = await start({
      DISCORD_TOKEN: TOKEN,
      DATABASE_URL: 'postgres://headroom:hunter2-secret@127.0.0.1:1/headroom',
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    expect(gone.status).toBe(2);
    expect(gone.out).toMatch(/Cannot reach PostgreSQL at postgres:\/\/headroom:\*\*\*@127\.0\.0\.1:1\/headroom/);
    expect(gone.out).not.toContain('hunter2-secret');
  }, 70_000);

  it('a data file that is not a database exits 2 saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-notdb-'));
    writeFileSync(join(dir, 'headroom.db'), 'this is a shopping list, not SQLite\n'.repeat(200));
    const run = await start({ DISCORD_TOKEN: TOKEN, DATA_DIR: dir, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' });
    expect(run.status).toBe(2);
    expect(run.out).toMatch(/is not a Headroom database/);
    expect(run.out).not.toMatch(/at .*\.ts:\d+/);
  }, 70_000);

  it('a DATA_DIR that is a file exits 2 saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-file-'));
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const run = await start({
      DISCORD_TOKEN: TOKEN,
      DATA_DIR: file,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    expect(run.status).toBe(2);
    expect(run.out).toMatch(/is a file, not a folder/);
  }, 70_000);

  it('a DATA_DIR nobody can create exits 2 saying so', async () => {
    // /proc refuses new folders even to root, so this holds however the tests are run.
    const run = await start({
      DISCORD_TOKEN: TOKEN,
      DATA_DIR: '/proc/headroom-data',
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    expect(run.status).toBe(2);
    expect(run.out).toMatch(/\/proc\/headroom-data/);
    expect(run.out).not.toMatch(/at .*\.ts:\d+/);
  }, 70_000);

  it('a token Discord refuses exits 2, and the token is not printed', async () => {
    fake.rejectedTokens.add(TOKEN);
    const dir = mkdtempSync(join(tmpdir(), 'headroom-badtoken-'));
    mkdirSync(dir, { recursive: true });
    const run = await start({ DISCORD_TOKEN: TOKEN, DATA_DIR: dir, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'debug' });
    fake.rejectedTokens.delete(TOKEN);
    expect(run.status).toBe(2);
    expect(run.out).toMatch(/Could not log in to Discord/);
    expect(run.out).not.toContain(TOKEN);
    expect(run.out).not.toContain('token-value-xyz');
  }, 70_000);
});
