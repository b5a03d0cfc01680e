/**
 * End to end: the real discord.js Client, started through the same startBot() that `npm start` uses, against the
 * loopback fake Discord. Assertions are on what the bot sent back through REST.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { parseConfig } from '../../src/config.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { createLogger } from '../../src/logger.js';
import { commandDefinitions } from '../../commands/index.js';
import { FakeDiscord, IDS, type UploadedFile } from './fake-discord.js';
import { PNG } from 'pngjs';

const DATA_DIR = mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
const TOKEN = 'MTExMTExMTExMTExMTExMTEx.GfakeT.fake-token-for-tests-only-0123456789';
const brain = new Brain(loadKnowledge());
const fake = new FakeDiscord();
const logLines: string[] = [];
const logSink = new Writable({
  write(chunk, _enc, cb) {
    logLines.push(String(chunk));
    cb();
  },
});
let bot: Bot;

function config(extra: Record<string, string> = {}) {
  const c = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    CHAT_CHANNEL_IDS: IDS.chatChannel,
    CHAT_COOLDOWN_SECONDS: '30',
    MESSAGE_CONTENT_INTENT: 'true',
    LOG_LEVEL: 'debug',
    DATA_DIR,
    ...extra,
  });
  return { ...c, DISCORD_TOKEN: TOKEN };
}

function start(extra: Record<string, string> = {}): Bot {
  return startBot({
    config: config(extra),
    brain,
    logger: createLogger('debug', TOKEN, logSink),
    restOptions: { retries: 0, timeout: 3000 },
  });
}

const embedsOf = (r: { body: any }) => (r.body?.data?.embeds ?? r.body?.embeds ?? []) as any[];
const mentionsOf = (r: { body: any }) =>
  (r.body?.data?.allowed_mentions ?? r.body?.allowed_mentions) as { parse?: string[]; users?: string[] } | undefined;

beforeAll(async () => {
  await fake.start();
  bot = start();
  await bot.ready;
}, 20_000);

afterAll(async () => {
  await bot?.stop();
  await fake.stop();
});

describe('login and command sync', () => {
  it('logs in through DISCORD_API_URL and registers the commands once', async () => {
    expect(fake.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
    const puts = fake.requests.filter((r) => r.method === 'PUT' && r.path === `/applications/${IDS.app}/commands`);
    expect(puts).toHaveLength(1);
    const defined = commandDefinitions().map((c) => c.name);
    expect((puts[0]!.body as any[]).map((c) => c.name).sort()).toEqual([...defined].sort());
    expect(defined).toEqual(expect.arrayContaining(['ask', 'faq', 'device', 'match', 'help', 'kb', 'config']));
  });

  it('does not PUT again when a restarted bot finds the same definitions', async () => {
    const before = fake.requests.length;
    const second = start();
    const result = await second.ready;
    await second.stop();
    expect(result?.changed).toBe(false);
    expect(fake.requests.slice(before).filter((r) => r.method === 'PUT')).toEqual([]);
    expect(
      fake.requests.slice(before).some((r) => r.method === 'GET' && r.path === `/applications/${IDS.app}/commands`),
    ).toBe(true);
  }, 20_000);

  it('never writes the token to the logs', async () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });
});

describe('slash commands', () => {
  it('/ask defers, then edits the reply with the answer embed', async () => {
    const id = fake.command('ask', [{ name: 'question', type: 3, value: 'are headphones input or output?' }]);
    const cb = await fake.callback(id);
    expect(cb.body.type).toBe(5); // deferred
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/tok${id}/messages/@original`));
    expect(embedsOf(edit)[0].title).toMatch(/input or an output/i);
    expect(mentionsOf(edit)?.parse).toEqual([]);
  });

  it('/ask answers a drive check with the verdict and a "Show the math" button that works', async () => {
    const id = fake.command('ask', [{ name: 'question', type: 3, value: 'hd600 on iphone dongle loud enough?' }]);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
    const embed = embedsOf(edit)[0];
    // Australian Hi-Fi's 1.6 mW into 300 Ω: ≈99 dB peaks, 11 dB short — needs_amp, worded for the −12…−6 band
    expect(embed.description).toMatch(/for loud peaks, add an amp/);
    expect(embed.description).toMatch(/11\.0 dB short of 110 dB peaks/);
    const buttons = edit.body.components[0].components as { custom_id: string; label: string }[];
    const math = buttons.find((b) => b.label === 'Show the math')!;
    expect(math.custom_id.length).toBeLessThanOrEqual(100);
    const click = fake.button(math.custom_id, { embeds: [embed] });
    const reply = await fake.callback(click);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags & 64).toBe(64); // ephemeral
    expect(reply.body.data.content).toMatch(/S_V|S_mW/);
    expect(reply.body.data.content).toMatch(/Headroom = max − target/);
  });

  it('/faq autocomplete ranks topics and caps the choices at 25', async () => {
    const id = fake.command('faq', [{ name: 'topic', type: 3, value: 'balanced', focused: true }], true);
    const cb = await fake.callback(id);
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.value).toMatch(/balanced/);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    const empty = fake.command('faq', [{ name: 'topic', type: 3, value: '', focused: true }], true);
    expect((await fake.callback(empty)).body.data.choices.length).toBe(25);
  });

  it('/faq shows the topic with related-topic buttons and "Not what I asked"', async () => {
    const id = fake.command('faq', [{ name: 'topic', type: 3, value: 'balanced-vs-unbalanced' }]);
    const cb = await fake.callback(id);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.embeds[0].title).toMatch(/balanced/i);
    const labels = cb.body.data.components[0].components.map((b: any) => b.label);
    expect(labels).toContain('Not what I asked');
  });

  it("says how to run things in Discord's syntax (the CLI says it in its own)", async () => {
    const faq = await fake.callback(fake.command('faq', [{ name: 'topic', type: 3, value: 'do-i-need-an-amp' }]));
    expect(faq.body.data.embeds[0].description).toMatch(/`\/match`/);
    const id = fake.command('ask', [{ name: 'question', type: 3, value: 'do i need an amp for 250 ohm headphones?' }]);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
    const fields = embedsOf(edit)[0].fields as { name: string; value: string }[];
    expect(fields.find((f) => f.name === 'Assumptions')?.value).toMatch(/`\/match headphones:DT 770 Pro 250 source:/);
  });

  it('"Not what I asked" answers privately with other suggestions and counts the click', async () => {
    const id = fake.button('nwia:dac-vs-amp', {
      embeds: [{ title: 'x', footer: { text: 'You asked: does an amp or dac improve sound' } }],
    });
    const cb = await fake.callback(id);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(cb.body.data.content).toMatch(/noted/);
    expect((await bot.repo.stats(IDS.guild, 100)).notWhatIAsked).toContainEqual({ key: 'dac-vs-amp', count: 1 });
  });

  it('"Not what I asked" on a real answer offers the topics ranked next, read from its custom id alone', async () => {
    const id = fake.command('ask', [{ name: 'question', type: 3, value: 'is a dac or an amp more important?' }]);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
    const buttons = edit.body.components[0].components as { custom_id: string; label: string }[];
    const nwia = buttons.find((b) => b.label === 'Not what I asked')!;
    const [, answered, alternatives] = nwia.custom_id.split(':');
    expect(alternatives?.split(',').length).toBeGreaterThan(0);
    // pressed on a message with no embeds at all: nothing is recovered from the message itself
    const cb = await fake.callback(fake.button(nwia.custom_id, { id: '880000000000000077' }));
    const offered = [...(cb.body.data.content as string).matchAll(/topic:([a-z0-9-]+)/g)].map((m) => m[1]);
    expect(offered).toEqual(alternatives!.split(','));
    expect(offered).not.toContain(answered);
  });

  it('an answer on one ranker’s word alone says in the embed that it is only the closest topic', async () => {
    const id = fake.command('ask', [{ name: 'question', type: 3, value: 'why does my amp get warm' }]);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
    expect(embedsOf(edit)[0].author?.name).toMatch(/closest topic I found.* Also close: /);
    const sure = fake.command('ask', [
      { name: 'question', type: 3, value: 'should i plug my headphones into my audio interface' },
    ]);
    const sureEdit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${sure}/`));
    expect(embedsOf(sureEdit)[0].author).toBeUndefined();
  });

  it('"Ask it differently" opens a modal; its answer is private and the wording is kept as a gap', async () => {
    const nwia = await fake.callback(
      fake.button('nwia:dac-vs-amp', { embeds: [{ title: 'x', footer: { text: 'You asked: dac or amp' } }] }),
    );
    const rephrase = nwia.body.data.components[0].components[0] as { custom_id: string; label: string };
    expect(rephrase.label).toBe('Ask it differently');
    const open = await fake.callback(fake.button(rephrase.custom_id));
    expect(open.body.type).toBe(9); // modal
    expect(open.body.data.custom_id).toBe(rephrase.custom_id);
    expect(open.body.data.components[0].components[0].custom_id).toBe('question');
    const submitted = await fake.callback(
      fake.modalSubmit(rephrase.custom_id, { question: 'what does a headphone amp actually change about the sound?' }),
    );
    expect(submitted.body.type).toBe(4);
    expect(submitted.body.data.flags & 64).toBe(64);
    expect(submitted.body.data.embeds[0].title).toBeTruthy();
    await bot.questions.flush();
    const gaps = (await bot.repo.stats(IDS.guild, 100)).gaps.map((g) => g.question);
    expect(gaps).toContain('what does a headphone amp actually change about the sound?');
  });

  it('/device autocomplete offers 25 devices for empty input, filtered when typing', async () => {
    const empty = fake.command('device', [{ name: 'name', type: 3, value: '', focused: true }], true);
    expect((await fake.callback(empty)).body.data.choices).toHaveLength(25);
    const typed = fake.command('device', [{ name: 'name', type: 3, value: 'hd 6', focused: true }], true);
    const choices = (await fake.callback(typed)).body.data.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain('sennheiser-hd600');
  });

  it('/device shows figures with their sources', async () => {
    const id = fake.command('device', [{ name: 'name', type: 3, value: 'beyerdynamic-dt770-pro-80' }]);
    const embed = (await fake.callback(id)).body.data.embeds[0];
    expect(embed.title).toMatch(/DT 770 Pro 80/);
    expect(embed.description).toMatch(/80 Ω/);
    expect(embed.description).toMatch(/https:\/\//);
  });

  it('/match takes autocomplete ids and raw figures', async () => {
    const a = fake.command('match', [
      { name: 'headphones', type: 3, value: 'hifiman-he6se-v2' },
      { name: 'source', type: 3, value: 'apple-mac-headphone-jack-2021' },
    ]);
    expect((await fake.callback(a)).body.data.embeds[0].description).toMatch(
      /11\.6 dB short of 110 dB peaks.*add an amp|add an amp.*11\.6 dB short/s,
    );
    const b = fake.command('match', [
      { name: 'headphones', type: 3, value: '32 ohm 100 dB/mW' },
      { name: 'source', type: 3, value: '1 Vrms 1 ohm' },
      { name: 'target', type: 4, value: 105 },
    ]);
    const embed = (await fake.callback(b)).body.data.embeds[0];
    expect(embed.description).toMatch(/^\*\*Yes/);
    expect(embed.description).toMatch(/105 dB/);
  });

  it('/match uploads the headroom chart as a PNG the embed shows, and leaves it out with chart:false', async () => {
    const id = fake.command('match', [
      { name: 'headphones', type: 3, value: 'sennheiser-hd-600' },
      { name: 'source', type: 3, value: 'ifi-zen-can-3' },
    ]);
    const cb = await fake.callback(id);
    const files = cb.body.files as UploadedFile[];
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('headroom-chart.png');
    const png = PNG.sync.read(files[0]!.bytes);
    expect(png.width).toBe(800);
    expect(png.height).toBeGreaterThan(300);
    const embed = cb.body.data.embeds[0];
    expect(embed.image.url).toBe('attachment://headroom-chart.png');
    // the bars in words as the picture's alt text
    expect(cb.body.data.attachments[0].description).toMatch(/Headroom chart, Sennheiser HD 600 on iFi ZEN CAN 3.*dB/);
    const off = fake.command('match', [
      { name: 'headphones', type: 3, value: 'sennheiser-hd-600' },
      { name: 'source', type: 3, value: 'ifi-zen-can-3' },
      { name: 'chart', type: 5, value: false },
    ]);
    const plain = await fake.callback(off);
    expect(plain.body.files ?? []).toHaveLength(0);
    expect(plain.body.data.embeds[0].image).toBeUndefined();
    expect(plain.body.data.embeds[0].description).toBe(embed.description);
  });

  it('/ask attaches the chart to a drive check it answers, and none to a FAQ topic', async () => {
    const id = fake.command('ask', [{ name: 'question', type: 3, value: 'do i need an amp for 250 ohm headphones?' }]);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/tok${id}/messages/@original`));
    const files = edit.body.files as UploadedFile[];
    expect(files.map((f) => f.name)).toEqual(['headroom-chart.png']);
    expect(PNG.sync.read(files[0]!.bytes).width).toBe(800);
    expect(embedsOf(edit)[0].image.url).toBe('attachment://headroom-chart.png');
    const faq = fake.command('ask', [{ name: 'question', type: 3, value: 'are headphones input or output?' }]);
    const text = await fake.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/tok${faq}/messages/@original`));
    expect(text.body.files).toBeUndefined();
    expect(embedsOf(text)[0].image).toBeUndefined();
  });

  it('/match autocomplete filters by role', async () => {
    const id = fake.command(
      'match',
      [
        { name: 'headphones', type: 3, value: 'x' },
        { name: 'source', type: 3, value: 'scarlett', focused: true },
      ],
      true,
    );
    const choices = (await fake.callback(id)).body.data.choices as { value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => !c.value.startsWith('sennheiser'))).toBe(true);
  });

  it('hide makes the answer ephemeral; mention pings exactly that one user', async () => {
    const hidden = fake.command('faq', [
      { name: 'topic', type: 3, value: 'dac-vs-amp' },
      { name: 'hide', type: 5, value: true },
    ]);
    expect((await fake.callback(hidden)).body.data.flags & 64).toBe(64);
    const pinged = fake.command('faq', [
      { name: 'topic', type: 3, value: 'dac-vs-amp' },
      { name: 'mention', type: 6, value: IDS.otherUser },
    ]);
    const cb = await fake.callback(pinged);
    expect(cb.body.data.content).toBe(`<@${IDS.otherUser}>`);
    expect(mentionsOf(cb)).toEqual({ parse: [], users: [IDS.otherUser], replied_user: false });
  });

  it('/help answers ephemerally by default', async () => {
    const id = fake.command('help');
    const cb = await fake.callback(id);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(cb.body.data.embeds[0].description).toMatch(/\/match/);
  });

  it('the "Ask Headroom" context menu defers first, then answers the selected message', async () => {
    const id = fake.contextMenu('Ask Headroom', 'should i plug my headphones into my audio interface?');
    const cb = await fake.callback(id);
    expect(cb.body.type).toBe(5); // deferred, like /ask: a long message never misses the 3-second deadline
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/tok${id}/`));
    expect(embedsOf(edit)[0].title).toMatch(/interface/i);
  });

  it('a stale button gets a friendly ephemeral note, and the bot keeps working', async () => {
    const id = fake.button('from-an-old-version');
    const cb = await fake.callback(id);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(cb.body.data.content).toMatch(/older version/);
    const after = fake.command('help');
    expect((await fake.callback(after)).body.type).toBe(4);
  });

  it('replies never allow @everyone, @here or role pings', async () => {
    const bodies = fake.requests.filter(
      (r) => r.method !== 'GET' && r.body && (r.body.data || r.body.embeds || r.body.content !== undefined),
    );
    expect(bodies.length).toBeGreaterThan(10);
    for (const r of bodies) {
      const allowed = mentionsOf(r);
      // autocomplete, deferrals and modals carry no message
      if (r.body.type === 8 || r.body.type === 5 || r.body.type === 9) continue;
      expect(allowed, `${r.method} ${r.path}`).toBeDefined();
      expect(allowed!.parse ?? []).toEqual([]);
      expect((allowed as any).roles ?? []).toEqual([]);
    }
  });
});

describe('chat answers', () => {
  it('answers a mention in any channel, as a reply', async () => {
    const id = fake.chatMessage(`<@${IDS.bot}> what's the difference between 3.5mm and 6.35mm jacks`, {
      mentionBot: true,
    });
    const sent = await fake.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${IDS.channel}/messages` &&
        r.body.message_reference?.message_id === id,
    );
    expect(sent.body.embeds[0].title).toMatch(/jack|plug/i);
    expect(sent.body.allowed_mentions.parse).toEqual([]);
  });

  it('attaches the headroom chart to a drive check answered in chat', async () => {
    const id = fake.chatMessage(`<@${IDS.bot}> can my scarlett 2i2 4th gen drive an hd 600?`, {
      mentionBot: true,
      authorId: '444444444444444446', // a member the other chat tests' cooldowns do not hold
    });
    const sent = await fake.waitFor(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${IDS.channel}/messages` &&
        r.body.message_reference?.message_id === id,
    );
    const files = sent.body.files as UploadedFile[];
    expect(files.map((f) => f.name)).toEqual(['headroom-chart.png']);
    expect(PNG.sync.read(files[0]!.bytes).width).toBe(800);
    expect(sent.body.embeds[0].image.url).toBe('attachment://headroom-chart.png');
    expect(sent.body.allowed_mentions.parse).toEqual([]);
  });

  it('answers a confident question in an enabled channel, then respects the cooldown, and ignores bots', async () => {
    const first = fake.chatMessage('are headphones input or output?', {
      channelId: IDS.chatChannel,
      authorId: IDS.otherUser,
    });
    await fake.waitFor(
      (r) => r.path === `/channels/${IDS.chatChannel}/messages` && r.body.message_reference?.message_id === first,
    );
    const second = fake.chatMessage('is a microphone an input device?', {
      channelId: IDS.chatChannel,
      authorId: IDS.otherUser,
    });
    const fromBot = fake.chatMessage('are headphones input or output?', {
      channelId: IDS.chatChannel,
      authorId: '999999999999999999',
      bot: true,
    });
    const offTopic = fake.chatMessage('what is everyone having for lunch?', {
      channelId: IDS.chatChannel,
      authorId: '777777777777777777',
    });
    await new Promise((r) => setTimeout(r, 400));
    const repliesTo = (id: string) => fake.requests.filter((r) => r.body?.message_reference?.message_id === id);
    expect(repliesTo(second)).toEqual([]);
    expect(repliesTo(fromBot)).toEqual([]);
    expect(repliesTo(offTopic)).toEqual([]);
  });

  it('stays quiet in channels that were not enabled unless mentioned', async () => {
    const id = fake.chatMessage('are headphones input or output?', {
      channelId: IDS.channel,
      authorId: '666666666666666666',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.filter((r) => r.body?.message_reference?.message_id === id)).toEqual([]);
  });
});
