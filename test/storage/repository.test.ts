import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Brains } from '../../src/answer/brains.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { knowledgeProblem } from '../../src/storage/entry-knowledge.js';
import { parseEntryInput } from '../../src/storage/entry-schema.js';
import { planImport } from '../../src/storage/import-plan.js';
import { SqliteRepository } from '../../src/storage/sqlite.js';

const A = '900000000000000001';
const B = '900000000000000002';
const fresh = () => new SqliteRepository(join(mkdtempSync(join(tmpdir(), 'headroom-repo-')), 'db', 'headroom.db'));

describe('moderator input is validated like the built-in files', () => {
  it.each([
    [{ kind: 'faq', title: 'Hi @everyone look', aliases: [], body: 'x' }, /@everyone/],
    [{ kind: 'faq', title: 'ok question', aliases: [], body: '' }, /answer must be at least/],
    [{ kind: 'faq', title: 'ok question', aliases: [], body: 'x'.repeat(5000) }, /at most 4096/],
    [
      { kind: 'faq', title: 'ok question', aliases: [], body: 'fine', sourceUrl: 'javascript:alert(1)' },
      /http\(s\) URL/,
    ],
    [
      {
        kind: 'headphone',
        title: 'Test Phones',
        impedanceOhm: 0,
        sensitivityDb: 100,
        sensitivityPer: 'mW',
        sourceUrl: 'https://example.com',
      },
      /at least 1 Ω/,
    ],
    [
      {
        kind: 'headphone',
        title: 'Test Phones',
        impedanceOhm: 32,
        sensitivityDb: 200,
        sensitivityPer: 'mW',
        sourceUrl: 'https://example.com',
      },
      /70–140/,
    ],
    [{ kind: 'source', title: 'Test Amp', sourceUrl: 'https://example.com' }, /maximum output level/],
    [{ kind: 'source', title: 'Test Amp', powerMw: 100, sourceUrl: 'https://example.com' }, /needs both/],
  ])('%j is refused', (raw, message) => {
    const r = parseEntryInput(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('a replacement must name an existing built-in topic', async () => {
    const base = loadKnowledge();
    expect(knowledgeProblem({ kind: 'hide', replaces: 'no-such-topic', title: 'x' }, base)).toMatch(
      /no built-in topic/,
    );
    expect(knowledgeProblem({ kind: 'hide', replaces: 'dac-vs-amp', title: 'x' }, base)).toBeNull();
  });

  it('a server device may not take a built-in device’s name, however it is spelt', async () => {
    const base = loadKnowledge();
    const phones = (title: string, aliases: string[] = []) => ({
      kind: 'headphone' as const,
      title,
      aliases,
      impedanceOhm: 300,
      sensitivityDb: 97,
      sensitivityPer: 'mW' as const,
      driver: 'dynamic' as const,
      sourceUrl: 'https://example.com/ours',
    });
    expect(knowledgeProblem(phones('HD-600'), base)).toMatch(/built-in device \(Sennheiser HD 600\)/);
    expect(knowledgeProblem(phones('Our Reference Cans', ['sennheiser hd600']), base)).toMatch(/built-in device/);
    expect(knowledgeProblem(phones('HD 600 (our modded unit)'), base)).toBeNull();
    const amp = {
      kind: 'source' as const,
      title: 'Scarlett 2i2 4th Gen',
      aliases: [],
      vrms: 2,
      sourceUrl: 'https://example.com/ours',
    };
    expect(knowledgeProblem(amp, base)).toMatch(/built-in device \(Focusrite Scarlett 2i2 4th Gen\)/);
  });
});

describe('entry text that could ping or deceive', () => {
  const body = (text: string) =>
    parseEntryInput({ kind: 'faq', title: 'Which interface do we recommend?', aliases: [], body: text });
  it.each([
    ['Cyrillic е in everyone', 'Ask @еveryone for help'],
    ['fullwidth at sign', 'Ask ＠everyone for help'],
    ['fullwidth letters', 'ask @ｅｖｅｒｙｏｎｅ'],
    ['a zero-width space inside', 'ping @every\u200Bone now'],
    ['a soft hyphen inside', 'ping @he\u00ADre now'],
    ['a role mention', 'ask <@&555555555555555555>'],
    ['an invite link', 'join us at discord.gg/abcdef'],
    ['an invite link spelt out', 'https://discord.com/invite/abcdef'],
    ['a masked link to another site', 'see [https://www.sennheiser.com/hd600](https://evil.example.net/x)'],
    ['a masked bare domain to another site', 'see [focusrite.com](https://evil.example.net/x)'],
    ['a NUL byte', 'fine\u0000text'],
    ['only invisible characters', '\u200B\u200C\u200D\u2060\uFEFF'],
  ])('refuses %s', (_what, text) => {
    const r = body(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/mention|invite|link that shows|control|invisible/);
  });

  it.each([
    ['an email-like handle', 'mail support@focusrite.com'],
    ['a masked link whose text is words', 'see [the spec sheet](https://www.sennheiser.com/hd600)'],
    ['a masked link to the same site', 'see [sennheiser.com/hd600](https://www.sennheiser.com/en/hd600)'],
    ['here as a word', 'plug it in here and turn it up'],
    ['an accented word', 'the café has a good amp'],
  ])('accepts %s', (_what, text) => {
    expect(body(text).ok).toBe(true);
  });

  it('an invite link as the source URL is refused', async () => {
    const r = parseEntryInput({
      kind: 'headphone',
      title: 'Test Phones',
      impedanceOhm: 32,
      sensitivityDb: 100,
      sensitivityPer: 'mW',
      sourceUrl: 'https://discord.gg/abcdef',
    });
    expect(r.ok).toBe(false);
  });
});

describe('import preview', () => {
  it('counts what the import will do, a removed entry with unchanged content included (it comes back)', async () => {
    const repo = fresh();
    const kept = await repo.addEntry(A, { kind: 'faq', title: 'Kept as it is?', aliases: [], body: 'Same.' }, 'mod');
    const removed = await repo.addEntry(
      A,
      { kind: 'faq', title: 'Removed, same content?', aliases: [], body: 'Same.' },
      'mod',
    );
    const edited = await repo.addEntry(
      A,
      { kind: 'faq', title: 'Edited in the file?', aliases: [], body: 'Old.' },
      'mod',
    );
    await repo.removeEntry(A, removed.id, 'mod');
    const file = [
      { id: kept.id, input: kept.input },
      { id: removed.id, input: removed.input },
      { id: edited.id, input: { ...edited.input, body: 'New.' } },
      { input: { kind: 'faq' as const, title: 'Brand new?', aliases: [], body: 'New.' } },
    ];
    const plan = planImport(await repo.listEntries(A, { includeDeleted: true }), file);
    expect(plan).toMatchObject({ added: 1, changed: 2 });
    expect(await repo.importEntries(A, plan.items, 'mod')).toEqual({ added: plan.added, changed: plan.changed });
  });
});

describe('per-server brains cache', () => {
  it('keeps the servers asked most recently: a hit refreshes a brain, the least recent goes first', async () => {
    const repo = fresh();
    const brains = new Brains(loadKnowledge(), repo, 2);
    const servers = ['900000000000000011', '900000000000000012', '900000000000000013'];
    const entry = { kind: 'faq' as const, title: 'What does this server use?', aliases: [], body: 'Our setup.' };
    for (const g of servers) await repo.addEntry(g, entry, 'mod');
    const [s1, s2, s3] = servers as [string, string, string];
    const first = await brains.for(s1);
    await brains.for(s2);
    expect(await brains.for(s1)).toBe(first); // a hit: s1 is now the most recent
    const third = await brains.for(s3); // evicts s2, the least recently asked
    expect(await brains.for(s1)).toBe(first); // s1 is the most recent again
    await brains.for(s2); // rebuilt; evicts s3, now the least recently asked
    expect(await brains.for(s1)).toBe(first);
    expect(await brains.for(s3)).not.toBe(third);
  });
});

describe('server entries in search', () => {
  it('are answered in their server right after the commit, replace or hide built-ins there, nowhere else', async () => {
    const repo = fresh();
    const brains = new Brains(loadKnowledge(), repo);
    const q = 'which audio interface does this server recommend for beginners?';
    expect(JSON.stringify((await brains.for(A)).ask(q))).not.toContain('We like the Scarlett Solo');
    await repo.addEntry(
      A,
      {
        kind: 'faq',
        title: 'Which audio interface does this server recommend for beginners?',
        aliases: ['server recommended interface'],
        body: 'We like the Scarlett Solo.',
      },
      'mod',
    );
    const a = (await brains.for(A)).ask(q);
    expect(a.kind === 'faq' && a.topic.body).toBe('We like the Scarlett Solo.');
    expect(
      (await brains.for(B)).ask(q).kind === 'faq' &&
        ((await brains.for(B)).ask(q) as { topic: { body: string } }).topic.body,
    ).not.toBe('We like the Scarlett Solo.');
    await repo.addEntry(
      A,
      {
        kind: 'faq',
        title: 'Do I need a headphone amp? (our take)',
        aliases: [],
        body: 'Server answer about amps.',
        replaces: 'do-i-need-an-amp',
      },
      'mod',
    );
    const amp = (await brains.for(A)).faq('do-i-need-an-amp');
    expect(amp.kind === 'faq' && amp.topic.body).toBe('Server answer about amps.');
    await repo.addEntry(A, { kind: 'hide', replaces: 'dac-vs-amp', title: 'not for us' }, 'mod');
    expect((await brains.for(A)).topics.has('dac-vs-amp')).toBe(false);
    expect((await brains.for(B)).topics.has('dac-vs-amp')).toBe(true);
    await repo.addEntry(
      A,
      {
        kind: 'headphone',
        title: 'Acme Studio 9',
        aliases: ['acme9'],
        impedanceOhm: 250,
        sensitivityDb: 96,
        sensitivityPer: 'mW',
        driver: 'dynamic',
        sourceUrl: 'https://example.com/acme9',
      },
      'mod',
    );
    const m = (await brains.for(A)).match({ headphone: 'acme9', source: 'macbook jack' });
    expect(m.kind).toBe('match');
    expect((await brains.for(B)).match({ headphone: 'acme9', source: 'macbook jack' }).kind).not.toBe('match');
  });
});
