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

const MOD = { userId: IDS.user, permissions: MANAGE_GUILD, roles: [] as string[], guildId: IDS.guild };
const MOD2 = { ...MOD, userId: '444444444444444446' };
const MEMBER = { userId: IDS.otherUser, permissions: '0', roles: [] as string[], guildId: IDS.guild };
const OTHER_MOD = { ...MOD, guildId: IDS.otherGuild };

const QUESTION = 'Which interface does this server recommend for beginners?';
const sub = (name: string, options: unknown[] = []) => [{ name, type: 1, options }];
const str = (name: string, value: string) => ({ name, type: 3, value });

async function ask(question: string) {
  const id = fake.command('ask', [str('question', question)]);
  const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
  return edit.body.embeds[0] as { title: string; description: string };
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
    fake.as = MEMBER;
    const cb = await fake.callback(fake.command('kb', sub('add')));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(cb.body.data.content).toMatch(/Only server moderators/);
    expect(bot.repo.listEntries(IDS.guild)).toEqual([]);
  });

  it('is registered for Manage Server by default', () => {
    const kb = fake.registered.get('global')!.find((c) => c.name === 'kb')!;
    expect(kb.default_member_permissions).toBe(MANAGE_GUILD);
  });

  it('add via modal → answerable by /ask in that server, not in another', async () => {
    fake.as = MOD;
    const reply = await addViaModal(QUESTION, 'We recommend the Scarlett Solo 4th Gen for beginners here.', {
      aliases: 'server interface pick, recommended interface',
    });
    expect(reply).toMatch(/Saved as entry \*\*#1\*\*/);
    const here = await ask('which interface does this server recommend for beginners');
    expect(here.description).toMatch(/Scarlett Solo 4th Gen for beginners here/);
    fake.as = OTHER_MOD;
    const elsewhere = await ask('which interface does this server recommend for beginners');
    expect(elsewhere.description ?? '').not.toMatch(/for beginners here/);
  });

  it('refuses invalid input with a clear message and stores nothing', async () => {
    fake.as = MOD;
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
    expect(bot.repo.listEntries(IDS.guild)).toHaveLength(1);
  });

  it('edit conflict: the later save of a stale version is refused, nothing overwritten', async () => {
    fake.as = MOD;
    const a = await fake.callback(fake.command('kb', sub('edit', [str('entry', '1')])));
    fake.as = MOD2;
    const b = await fake.callback(fake.command('kb', sub('edit', [str('entry', '1')])));
    expect(a.body.type).toBe(9);
    expect(a.body.data.custom_id).toBe(b.body.data.custom_id);
    const prefilled = a.body.data.components.map((row: any) => row.components[0].value);
    expect(prefilled).toContain(QUESTION);
    fake.as = MOD;
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
    fake.as = MOD2;
    const second = await fake.callback(
      fake.modalSubmit(b.body.data.custom_id, {
        title: QUESTION,
        aliases: '',
        body: 'Edited by the second moderator.',
        source: '',
        replaces: '',
      }),
    );
    expect(second.body.data.content).toMatch(/Someone else saved entry #1 .*Nothing was overwritten/);
    expect(bot.repo.getEntry(IDS.guild, 1)!.input).toMatchObject({ body: 'Edited by the first moderator.' });
  });

  it('remove and restore', async () => {
    fake.as = MOD;
    expect((await fake.callback(fake.command('kb', sub('remove', [str('entry', '1')])))).body.data.content).toMatch(
      /Removed entry \*\*#1\*\*/,
    );
    expect((await ask('which interface does this server recommend for beginners')).description ?? '').not.toMatch(
      /first moderator/,
    );
    expect((await fake.callback(fake.command('kb', sub('restore', [str('entry', '1')])))).body.data.content).toMatch(
      /Restored/,
    );
    expect((await ask('which interface does this server recommend for beginners')).description).toMatch(
      /first moderator/,
    );
  });

  it('history lists who changed what and when, with a diff', async () => {
    fake.as = MOD;
    const cb = await fake.callback(fake.command('kb', sub('history', [str('entry', '1')])));
    const text = cb.body.data.embeds[0].description as string;
    expect(text).toMatch(/v1 add/);
    expect(text).toMatch(/v2 edit/);
    expect(text).toMatch(/- We recommend the Scarlett Solo/);
    expect(text).toMatch(/\+ Edited by the first moderator/);
    expect(text).toMatch(/v3 remove.*\n[\s\S]*v4 restore/);
    expect(text).toMatch(new RegExp(`user${IDS.user.slice(-3)} \\(${IDS.user}\\)`));
  });

  it('entry autocomplete lists this server’s entries', async () => {
    fake.as = MOD;
    const cb = await fake.callback(
      fake.command('kb', sub('edit', [{ name: 'entry', type: 3, value: 'interface', focused: true }]), true),
    );
    expect(cb.body.data.choices[0]).toMatchObject({ value: '1' });
  });

  it('entry autocomplete gives a member who may not edit nothing (titles stay with the moderators)', async () => {
    fake.as = MEMBER;
    const cb = await fake.callback(
      fake.command('kb', sub('edit', [{ name: 'entry', type: 3, value: 'interface', focused: true }]), true),
    );
    expect(cb.body.data.choices).toEqual([]);
    fake.as = MOD;
  });

  it("a member cannot press a moderator's import button", async () => {
    fake.as = MEMBER;
    const cb = await fake.callback(fake.button('kbimp:1'));
    expect(cb.body.data.content).toMatch(/Only server moderators/);
    fake.as = MOD;
  });

  it('export → import round trip reproduces the same entries in another server', async () => {
    fake.as = MOD;
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

    fake.as = OTHER_MOD;
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
    expect(bot.repo.listEntries(IDS.otherGuild)).toEqual([]); // nothing before the confirm
    const confirm = preview.body.components[0].components[0].custom_id as string;
    const applied = await fake.callback(fake.button(confirm));
    expect(applied.body.type).toBe(7);
    expect(applied.body.data.content).toMatch(/Imported: 2 new/);
    const inputs = (g: string) => bot.repo.listEntries(g).map((e) => e.input);
    expect(inputs(IDS.otherGuild)).toEqual(inputs(IDS.guild));
    const again = await fake.callback(fake.button(confirm));
    expect(again.body.data.content).toMatch(/already applied/);
  });

  it('a broken import file is refused whole', async () => {
    fake.as = OTHER_MOD;
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
    const before = bot.repo.listEntries(IDS.otherGuild).length;
    const id = fake.command('kb', sub('import', [{ name: 'file', type: 11, value: attachment.id }]), false, {
      attachments: { [attachment.id]: attachment },
    });
    const reply = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
    expect(reply.body.content).toMatch(/Nothing was imported/);
    expect(bot.repo.listEntries(IDS.otherGuild)).toHaveLength(before);
  });

  it('stats show unanswered questions with a button that opens /kb add prefilled', async () => {
    fake.as = MOD;
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
    fake.as = MOD;
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
    fake.as = { ...MEMBER, roles: [IDS.moderatorRole] };
    const open = await fake.callback(fake.command('kb', sub('add')));
    expect(open.body.type).toBe(9);
  });
});
