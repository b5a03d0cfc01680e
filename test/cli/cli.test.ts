import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { handleConsoleLine, runConsole } from '../../src/cli/console.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

const root = new URL('../../', import.meta.url).pathname;
function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('CLI', () => {
  it('ask --json prints the contract shape', () => {
    const run = cli(['ask', '--json', 'are headphones input or output?']);
    expect(run.status).toBe(0);
    const a = JSON.parse(run.stdout);
    expect(a).toMatchObject({ kind: 'faq', faq: { id: 'headphones-input-or-output' }, match: null });
    expect(typeof a.faq.title).toBe('string');
    expect(typeof a.faq.score).toBe('number');
    expect(a.text).toMatch(/output/i);
  });

  it('ask --json without a question answers one JSON line per stdin line (batch mode)', () => {
    const run = cli(
      ['ask', '--json'],
      'are headphones input or output\n\nwhat is the capital of france\nshould i plug my headphones into my audio ' +
        'interface\n',
    );
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(['faq', 'none', 'faq']);
    expect(lines[1].faq).toBeNull();
  });

  it("speaks its own syntax, never Discord's (impedance-only, a topic naming a command, no answer)", () => {
    for (const args of [
      ['ask', 'do i need an amp for 250 ohm headphones?'],
      ['faq', 'do-i-need-an-amp'],
      ['ask', 'what is the capital of peru'],
    ]) {
      const out = cli(args).stdout;
      expect(out, args.join(' ')).not.toMatch(/`\/[a-z]|headphones:|<[@#]/);
    }
    expect(cli(['ask', 'do i need an amp for 250 ohm headphones?']).stdout).toMatch(/headroom match --headphone/);
    expect(cli(['faq', 'do-i-need-an-amp']).stdout).toMatch(/`headroom match`/);
  });

  it('faq prints readable Markdown with the title first', () => {
    const run = cli(['faq', 'balanced vs unbalanced']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^\*\*.*balanced/i);
  });

  it('ask without a question and without --json explains the usage', () => {
    const run = cli(['ask']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/give a question/);
  });

  it('an unknown command gives a usage error, not a stack trace', () => {
    const run = cli(['frobnicate']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/unknown command/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('console', () => {
  const brain = new Brain(loadKnowledge());

  it('answers questions, shows help and stops on /quit', () => {
    const out: string[] = [];
    expect(handleConsoleLine(brain, 'are headphones input or output', (s) => out.push(s))).toBe(true);
    expect(out[0]).toMatch(/Are headphones an input or an output/i);
    expect(handleConsoleLine(brain, '/help', (s) => out.push(s))).toBe(true);
    expect(out[1]).toMatch(/\/quit/);
    expect(handleConsoleLine(brain, '/nope', (s) => out.push(s))).toBe(true);
    expect(out[2]).toMatch(/Unknown command/);
    expect(handleConsoleLine(brain, '/quit', (s) => out.push(s))).toBe(false);
  });

  it('runs over streams until the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (c) => (text += String(c)));
    const done = runConsole(brain, { input, output });
    input.end('do i need an amp for my headphones\n/quit\n');
    await done;
    expect(text).toMatch(/topics loaded/);
    expect(text).toMatch(/amp/i);
    expect(text).toMatch(/Bye\./);
  });
});

describe('npm start without a token', () => {
  it('reaches the console even with a malformed .env value, and says what is wrong', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      input: '/quit\n',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'loud', DEV_GUILD_ID: 'abc' },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/LOG_LEVEL/);
    expect(run.stderr).toMatch(/DEV_GUILD_ID must be a Discord id/);
    expect(run.stdout).toMatch(/Headroom console/);
  });
});

describe('CLI with a server’s entries (--guild)', () => {
  it('answers from that server’s entries, offline', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { SqliteRepository } = await import('../../src/storage/sqlite.js');
    const dir = mkdtempSync(join(tmpdir(), 'headroom-cli-guild-'));
    const repo = new SqliteRepository(join(dir, 'headroom.db'));
    repo.addEntry(
      '900000000000000001',
      {
        kind: 'faq',
        title: 'Which interface does our server recommend?',
        aliases: [],
        body: 'The server pick is the Scarlett Solo.',
      },
      'test',
    );
    repo.close();
    const mine = cli([
      '--guild',
      '900000000000000001',
      '--data-dir',
      dir,
      'ask',
      '--json',
      'which interface does our server recommend',
    ]);
    expect(JSON.parse(mine.stdout).text).toMatch(/server pick is the Scarlett Solo/);
    const other = cli([
      '--guild',
      '900000000000000002',
      '--data-dir',
      dir,
      'ask',
      '--json',
      'which interface does our server recommend',
    ]);
    expect(JSON.parse(other.stdout).text).not.toMatch(/server pick/);
    const bad = cli(['--guild', 'abc', 'ask', 'hi']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--guild must be a Discord server id/);
  });
});
