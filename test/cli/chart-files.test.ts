/** `--png` / `--svg` on the CLI: real processes writing real files, read back (PNG decoded, SVG parsed). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { type ConsoleSession, handleConsoleLine } from '../../src/cli/console.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'headroom-charts-'));
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('CLI charts', () => {
  it('match --png --svg writes the drive-check chart beside the text answer', () => {
    const png = join(dir, 'match.png');
    const svg = join(dir, 'match.svg');
    const run = cli(['match', '--headphone', 'hd 600', '--source', 'ifi zen can 3', '--png', png, '--svg', svg]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\*\*Yes/);
    expect(PNG.sync.read(readFileSync(png)).width).toBe(800);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/^<svg /);
    expect(text).toContain('Sennheiser HD 600 on iFi ZEN CAN 3');
    expect(text.match(/class="bar"/g)).toHaveLength(2);
  });

  it('drives --png draws the ranking', () => {
    const png = join(dir, 'drives.png');
    const run = cli(['drives', 'hd', '600', '--png', png]);
    expect(run.status).toBe(0);
    expect(PNG.sync.read(readFileSync(png)).height).toBeGreaterThan(400);
  });

  it('an answer without a chart prints the answer, says so and exits 1', () => {
    const png = join(dir, 'faq.png');
    const run = cli(['ask', 'are headphones input or output?', '--png', png]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/output/i);
    expect(run.stderr).toMatch(/no chart/);
    expect(existsSync(png)).toBe(false);
  });

  it('a file that cannot be written is a clear error, not a crash', () => {
    const run = cli(['match', '--headphone', 'hd 600', '--source', 'ifi zen can 3', '--png', join(dir, 'no', 'x.png')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/could not write the chart/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('console charts', () => {
  it('/chart FILE saves the last drive check chart, and says when there is none', () => {
    const brain = new Brain(loadKnowledge());
    const session: ConsoleSession = { lastChart: null };
    const out: string[] = [];
    const say = (line: string) => handleConsoleLine(brain, line, (s) => out.push(s), false, session);
    say('/chart nothing.png');
    expect(out.pop()).toMatch(/No chart to save/);
    say('can my scarlett 2i2 4th gen drive an hd 600?');
    expect(out.pop()).toMatch(/\/chart FILE saves/);
    const svg = join(dir, 'console.svg');
    say(`/chart ${svg}`);
    expect(out.pop()).toBe(`Chart saved to ${svg}.`);
    expect(readFileSync(svg, 'utf8')).toContain('Sennheiser HD 600 on Focusrite Scarlett');
    const png = join(dir, 'console.png');
    say(`/chart ${png}`);
    expect(PNG.sync.read(readFileSync(png)).width).toBe(800);
    say('are headphones input or output?');
    expect(out.pop()).not.toMatch(/\/chart/);
    say(`/chart ${join(dir, 'after-faq.png')}`);
    expect(out.pop()).toMatch(/No chart to save/);
  });
});
