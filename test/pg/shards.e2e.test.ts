/**
 * Two shards on one PostgreSQL, end to end: `npm start` with SHARDS=2 (a real process: discord.js's ShardingManager
 * and two shard processes running the real client) against the loopback fake Discord serving two shards and a real
 * PostgreSQL server. An entry a moderator adds through shard 0 answers the next /ask through shard 1 in that server
 * only; with PostgreSQL stopped, built-in answers keep coming and edits are refused plainly; when it is back, edits
 * work again without a restart.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, IDS } from '../discord/fake-discord.js';
import { PostgresServer } from './pg-server.js';

const root = new URL('../../', import.meta.url).pathname;
const TSX = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const TOKEN = 'MTExMTExMTExMTExMTExMTEx.GfakeT.fake-token-for-tests-only-0123456789';
const MANAGE_GUILD = String(1 << 5);
const OTHER_GUILD = '222222222222222223';
const QUESTION = 'Which interface does this server recommend for beginners?';
const BODY = 'Two shards agree: this server recommends the MOTU M2 for beginners.';

const fake = new FakeDiscord();
let server: PostgresServer;
let bot: ChildProcess;
let output = '';

const sub = (name: string, options: unknown[] = []) => [{ name, type: 1, options }];
const str = (name: string, value: string) => ({ name, type: 3, value });

async function addThrough(shard: number, title: string, body: string): Promise<string> {
  fake.toShard = shard;
  fake.as = { userId: IDS.user, permissions: MANAGE_GUILD, roles: [], guildId: IDS.guild };
  const open = await fake.callback(fake.command('kb', sub('add')));
  expect(open.body.type).toBe(9); // the form
  const saved = await fake.callback(
    fake.modalSubmit(open.body.data.custom_id, { title, aliases: '', body, source: '', replaces: '' }),
  );
  return saved.body.data.content as string;
}

async function askThrough(shard: number, guildId: string, question: string) {
  fake.toShard = shard;
  fake.as = { userId: IDS.otherUser, permissions: '0', roles: [], guildId };
  const id = fake.command('ask', [str('question', question)]);
  const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`), 20_000);
  return edit.body.embeds[0] as { title: string; description: string };
}

beforeAll(async () => {
  server = await PostgresServer.start();
  const url = await server.createDatabase('headroom_shards');
  fake.shardCount = 2;
  await fake.start();
  const cwd = mkdtempSync(join(tmpdir(), 'headroom-shards-'));
  bot = spawn(process.execPath, ['--import', TSX, join(root, 'src/main.ts')], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: url,
      SHARDS: '2',
      DATA_DIR: join(cwd, 'data'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot.stdout!.on('data', (d) => (output += d));
  bot.stderr!.on('data', (d) => (output += d));
  const until = Date.now() + 90_000;
  while (!output.includes('every shard ready')) {
    if (Date.now() > until || bot.exitCode !== null) throw new Error(`the shards did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);

afterAll(async () => {
  bot?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  bot?.kill('SIGKILL');
  await fake.stop();
  await server?.stop();
});

describe('two shards on one PostgreSQL', () => {
  it('identify as shards 0 and 1 of 2, and only shard 0 syncs the commands', () => {
    expect([...fake.identified].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.requests.filter((r) => r.method === 'PUT' && /\/commands$/.test(r.path))).toHaveLength(1);
  });

  it('answers through shard 1 an entry added through shard 0, in that server only', async () => {
    expect(await addThrough(0, QUESTION, BODY)).toMatch(/Saved as entry \*\*#\d+\*\*/);
    const here = await askThrough(1, IDS.guild, QUESTION.toLowerCase());
    expect(here.description).toContain(BODY);
    const elsewhere = await askThrough(1, OTHER_GUILD, QUESTION.toLowerCase());
    expect(JSON.stringify(elsewhere)).not.toContain(BODY);
  }, 60_000);

  it('keeps answering with PostgreSQL stopped, refuses edits plainly, and edits again once it is back', async () => {
    server.stopServer();
    try {
      const builtIn = await askThrough(1, OTHER_GUILD, 'are headphones an input or an output device?');
      expect(builtIn.title).toMatch(/input or an output/i);
      const cached = await askThrough(1, IDS.guild, QUESTION.toLowerCase());
      expect(cached.description).toContain(BODY); // shard 1's last brain for that server
      expect(await addThrough(0, 'Refused while the store is away?', 'Not saved.')).toMatch(/can't reach/);
    } finally {
      server.startServer();
    }
    const until = Date.now() + 30_000;
    let reply = '';
    while (Date.now() < until) {
      reply = await addThrough(0, `Saved after the outage ${Date.now()}?`, 'Saved once the store is back.');
      if (/Saved as entry/.test(reply)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(reply).toMatch(/Saved as entry/);
    expect(output).not.toContain('test-only-pa55word');
  }, 90_000);
});
