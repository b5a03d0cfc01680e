/** End to end: moderators teaching the bot through /kb, against the loopback fake Discord and a real SQLite file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { parseConfig } from '../../src/config.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { createLogger } from '../../src/logger.js';
import { FakeDiscord, IDS } from './fake-discord.js';

const TOKEN = 'MTExMTExMTExMTExMTExMTEx.GfakeT.fake-token-for-kb-tests-0123456789';
const MANAGE_GUILD = String(1 << 5);
const fake = new FakeDiscord();
let bot: Bot;

/**
 * Every test sets up its own server (a new guild id, its own moderators and member), so no test depends on what
 * another left behind, and any one of them runs alone (`-t`) or in any order.
 */
let servers = 0;
function newServer() {
  servers += 1;
  const guildId = `55555555555555${String(servers).padStart(4, '0')}`;
  const mod = { userId: IDS.user, permissions: MANAGE_GUILD, roles: [] as string[], guildId };
  return {
    guildId,
    mod,
    mod2: { ...mod, userId: '444444444444444446' },
    member: { userId: IDS.otherUser, permissions: '0', roles: [] as string[], guildId },
  };
}

const QUESTION = 'Which interface does this server recommend for beginners?';
const sub = (name: string, options: unknown[] = []) => [{ name, type: 1, options }];
const str = (name: string, value: string) => ({ name, type: 3, value });

async function ask(question: string) {
  const id = fake.command('ask', [str('question', question)]);
  const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
  return edit.body.embeds[0] as { title: string; description: string };
}

/** The entry id in a "Saved as entry **#12**" reply. */
function savedId(reply: string): string {
  const id = /Saved as entry \*\*#(\d+)\*\*/.exec(reply)?.[1];
  expect(id, reply).toBeDefined();
  return id!;
}

async function editViaModal(entry: string, body: string) {
  const open = await fake.callback(fake.command('kb', sub('edit', [str('entry', entry)])));
  const saved = await fake.callback(
    fake.modalSubmit(open.body.data.custom_id, { title: QUESTION, aliases: '', body, source: '', replaces: '' }),
  );
  return saved.body.data.content as string;
}

const RECOMMEND = 'We recommend the Scarlett Solo 4th Gen for beginners here.';

/** A new server with one moderator-written entry (the recommendation); the moderator is acting. */
async function serverWithEntry() {
  const server = newServer();
  fake.as = server.mod;
  const id = savedId(
    await addViaModal(QUESTION, RECOMMEND, { aliases: 'server interface pick, recommended interface' }),
  );
  return { ...server, id };
}

async function addViaModal(title: string, body: string, extra: Record<string, string> = {}) {
  const open = await fake.callback(fake.command('kb', sub('add')));
  expect(open.body.type).toBe(9);
  const saved = await fake.callback(
    fake.modalSubmit(open.body.data.custom_id, {
      title,
      aliases: extra.aliases ?? '',
      body,
      source: extra.source ?? '',
      replaces: extra.replaces ?? '',
    }),
  );
  return saved.body.data.content as string;
}

beforeAll(async () => {
  await fake.start();
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'headroom-kb-')),
    LOG_LEVEL: 'silent',
  });
  bot = startBot({
    config: { ...config, DISCORD_TOKEN: TOKEN },
    brain: new Brain(loadKnowledge()),
    logger: createLogger('silent', TOKEN),
    restOptions: { retries: 0, timeout: 3000 },
  });
  await bot.ready;
}, 20_000);

afterAll(async () => {
  await bot?.stop();
  await fake.stop();
});

describe('/kb', () => {
  it('refuses a non-moderator even when the command is invoked', async () => {
    const server = newServer();
    fake.as = server.member;
    const cb = await fake.callback(fake.command('kb', sub('add')));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(cb.body.data.content).toMatch(/Only server moderators/);
    expect(await bot.repo.listEntries(server.guildId)).toEqual([]);
  });

  it('is registered for Manage Server by default', async () => {
    const kb = fake.registered.get('global')!.find((c) => c.name === 'kb')!;
    expect(kb.default_member_permissions).toBe(MANAGE_GUILD);
  });

  it('add via modal → answerable by /ask in that server, not in another', async () => {
    await serverWithEntry();
    const here = await ask('which interface does this server recommend for beginners');
    expect(here.description).toMatch(/Scarlett Solo 4th Gen for beginners here/);
    fake.as = newServer().mod;
    const elsewhere = await ask('which interface does this server recommend for beginners');
    expect(elsewhere.description ?? '').not.toMatch(/for beginners here/);
  });

  it('refuses invalid input with a clear message and stores nothing', async () => {
    const server = newServer();
    fake.as = server.mod;
    const bad = await addViaModal('Ping @everyone please', 'answer');
    expect(bad).toMatch(/Not saved: .*@everyone/);
    const url = await fake.callback(
      fake.command(
        'kb',
        sub('add-headphone', [
          str('name', 'Acme Studio 9'),
          { name: 'impedance', type: 10, value: 250 },
          { name: 'sensitivity', type: 10, value: 96 },
          str('unit', 'mW'),
          str('source_url', 'not a url'),
        ]),
      ),
    );
    expect(url.body.data.content).toMatch(/Not saved: the source must be an http\(s\) URL/);
    expect(await bot.repo.listEntries(server.guildId)).toEqual([]);
  });

  it('edit conflict: the later save of a stale version is refused, nothing overwritten', async () => {
    const server = await serverWithEntry();
    fake.as = server.mod;
    const a = await fake.callback(fake.command('kb', sub('edit', [str('entry', server.id)])));
    fake.as = server.mod2;
    const b = await fake.callback(fake.command('kb', sub('edit', [str('entry', server.id)])));
    expect(a.body.type).toBe(9);
    expect(a.body.data.custom_id).toBe(b.body.data.custom_id);
    const prefilled = a.body.data.components.map((row: any) => row.components[0].value);
    expect(prefilled).toContain(QUESTION);
    fake.as = server.mod;
    const first = await fake.callback(
      fake.modalSubmit(a.body.data.custom_id, {
        title: QUESTION,
        aliases: '',
        body: 'Edited by the first moderator.',
        source: '',
        replaces: '',
      }),
    );
    expect(first.body.data.content).toMatch(/now version 2/);
    fake.as = server.mod2;
    const second = await fake.callback(
      fake.modalSubmit(b.body.data.custom_id, {
        title: QUESTION,
        aliases: '',
        body: 'Edited by the second moderator.',
        source: '',
        replaces: '',
      }),
    );
    expect(second.body.data.content).toMatch(
      new RegExp(`Someone else saved entry #${server.id} .*Nothing was overwritten`),
    );
    expect((await bot.repo.getEntry(server.guildId, Number(server.id)))!.input).toMatchObject({
      body: 'Edited by the first moderator.',
    });
  });

  it('remove and restore', async () => {
    const server = await serverWithEntry();
    const removed = await fake.callback(fake.command('kb', sub('remove', [str('entry', server.id)])));
    expect(removed.body.data.content).toMatch(new RegExp(`Removed entry \\*\\*#${server.id}\\*\\*`));
    expect((await ask('which interface does this server recommend for beginners')).description ?? '').not.toMatch(
      /for beginners here/,
    );
    const restored = await fake.callback(fake.command('kb', sub('restore', [str('entry', server.id)])));
    expect(restored.body.data.content).toMatch(/Restored/);
    expect((await ask('which interface does this server recommend for beginners')).description).toMatch(
      /for beginners here/,
    );
  });

  it('history lists who changed what and when, with a diff', async () => {
    const server = await serverWithEntry();
    expect(await editViaModal(server.id, 'Edited by the first moderator.')).toMatch(/now version 2/);
    await fake.callback(fake.command('kb', sub('remove', [str('entry', server.id)])));
    await fake.callback(fake.command('kb', sub('restore', [str('entry', server.id)])));
    const cb = await fake.callback(fake.command('kb', sub('history', [str('entry', server.id)])));
    const text = cb.body.data.embeds[0].description as string;
    expect(text).toMatch(/v1 add/);
    expect(text).toMatch(/v2 edit/);
    expect(text).toMatch(/- We recommend the Scarlett Solo/);
    expect(text).toMatch(/\+ Edited by the first moderator/);
    expect(text).toMatch(/v3 remove.*\n[\s\S]*v4 restore/);
    expect(text).toMatch(new RegExp(`user${IDS.user.slice(-3)} \\(${IDS.user}\\)`));
  });

  it('entry autocomplete lists this server’s entries', async () => {
    const server = await serverWithEntry();
    const cb = await fake.callback(
      fake.command('kb', sub('edit', [{ name: 'entry', type: 3, value: 'interface', focused: true }]), true),
    );
    expect(cb.body.data.choices[0]).toMatchObject({ value: server.id });
  });

  it('entry autocomplete gives a member who may not edit nothing (titles stay with the moderators)', async () => {
    const server = await serverWithEntry();
    fake.as = server.member;
    const cb = await fake.callback(
      fake.command('kb', sub('edit', [{ name: 'entry', type: 3, value: 'interface', focused: true }]), true),
    );
    expect(cb.body.data.choices).toEqual([]);
  });

  it("a member cannot press a moderator's import button", async () => {
    fake.as = newServer().member;
    const cb = await fake.callback(fake.button('kbimp:1'));
    expect(cb.body.data.content).toMatch(/Only server moderators/);
  });

  it('export → import round trip reproduces the same entries in another server', async () => {
    const from = await serverWithEntry();
    await fake.callback(
      fake.command(
        'kb',
        sub('add-source', [
          str('name', 'Acme Box 2'),
          str('source_url', 'https://example.com/acme-box'),
          { name: 'dbu', type: 10, value: 10 },
          { name: 'output_impedance', type: 10, value: 10 },
        ]),
      ),
    );
    const exported = await fake.callback(fake.command('kb', sub('export')));
    const file = exported.body.files[0] as { name: string; content: string };
    expect(file.name).toMatch(/\.json$/);
    const data = JSON.parse(file.content);
    expect(data.entries).toHaveLength(2);
    fake.files.set('export.json', file.content);

    const to = newServer();
    fake.as = to.mod;
    const attachment = {
      id: '888888888888888888',
      filename: 'export.json',
      size: file.content.length,
      url: `http://127.0.0.1:${fake.port}/files/export.json`,
      proxy_url: `http://127.0.0.1:${fake.port}/files/export.json`,
      content_type: 'application/json',
    };
    const importId = fake.command('kb', sub('import', [{ name: 'file', type: 11, value: attachment.id }]), false, {
      attachments: { [attachment.id]: attachment },
    });
    expect((await fake.callback(importId)).body.type).toBe(5);
    const preview = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${importId}/`));
    expect(preview.body.content).toMatch(/\*\*2\*\* new entries/);
    expect(await bot.repo.listEntries(to.guildId)).toEqual([]); // nothing before the confirm
    const confirm = preview.body.components[0].components[0].custom_id as string;
    const applied = await fake.callback(fake.button(confirm));
    expect(applied.body.type).toBe(7);
    expect(applied.body.data.content).toMatch(/Imported: 2 new/);
    const inputs = async (g: string) => (await bot.repo.listEntries(g)).map((e) => e.input);
    expect(await inputs(to.guildId)).toEqual(await inputs(from.guildId));
    const again = await fake.callback(fake.button(confirm));
    expect(again.body.data.content).toMatch(/already applied/);
  });

  it('a broken import file is refused whole', async () => {
    const server = newServer();
    fake.as = server.mod;
    fake.files.set(
      'broken.json',
      JSON.stringify({
        version: 1,
        entries: [
          { input: { kind: 'faq', title: 'ok title', aliases: [], body: 'fine' } },
          { input: { kind: 'faq', title: '', aliases: [], body: '' } },
        ],
      }),
    );
    const attachment = {
      id: '888888888888888889',
      filename: 'broken.json',
      size: 100,
      url: `http://127.0.0.1:${fake.port}/files/broken.json`,
      proxy_url: `http://127.0.0.1:${fake.port}/files/broken.json`,
    };
    const id = fake.command('kb', sub('import', [{ name: 'file', type: 11, value: attachment.id }]), false, {
      attachments: { [attachment.id]: attachment },
    });
    const reply = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
    expect(reply.body.content).toMatch(/Nothing was imported/);
    expect(await bot.repo.listEntries(server.guildId)).toEqual([]);
  });

  it('stats show unanswered questions with a button that opens /kb add prefilled', async () => {
    fake.as = newServer().mod;
    await ask('what colour cable sounds warmest for vinyl ripping into my sampler?');
    const cb = await fake.callback(fake.command('kb', sub('stats')));
    const embed = cb.body.data.embeds[0];
    expect(embed.fields.find((f: any) => f.name.startsWith('Recent questions')).value).toMatch(/vinyl ripping/);
    const button = cb.body.data.components[0].components[0].custom_id as string;
    const modal = await fake.callback(fake.button(button));
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.components[0].components[0].value).toMatch(/vinyl ripping/);
  });

  it('/config enables a chat channel and sets the editor role, which then may edit', async () => {
    const server = newServer();
    fake.as = server.mod;
    const cb = await fake.callback(
      fake.command('config', sub('set', [{ name: 'editor_role', type: 8, value: IDS.moderatorRole }]), false, {
        roles: {
          [IDS.moderatorRole]: {
            id: IDS.moderatorRole,
            name: 'Helpers',
            permissions: '0',
            position: 1,
            color: 0,
            hoist: false,
            managed: false,
            mentionable: false,
            flags: 0,
          },
        },
      }),
    );
    expect(cb.body.data.embeds[0].description).toMatch(new RegExp(`Editor role: <@&${IDS.moderatorRole}>`));
    fake.as = { ...server.member, roles: [IDS.moderatorRole] };
    const open = await fake.callback(fake.command('kb', sub('add')));
    expect(open.body.type).toBe(9);
  });
});
