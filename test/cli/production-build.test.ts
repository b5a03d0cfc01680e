/**
 * The production run mode: `npm run build` compiles to dist/, and the compiled product finds its knowledge and
 * answers, with the same Node flags the benchmark measures.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_NODE_FLAGS } from '../../src/bench/run-modes.js';

const root = new URL('../../', import.meta.url).pathname;

describe('compiled build (npm run build → dist/)', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(build.stderr + build.stdout).toBe('');
    expect(build.status).toBe(0);
  }, 120_000);

  it('start:prod runs the compiled main with the flags the benchmark measures', () => {
    const scripts = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['start:prod']).toContain(`node ${PRODUCTION_NODE_FLAGS.join(' ')} dist/src/main.js`);
    expect(scripts.start).toContain(PRODUCTION_NODE_FLAGS.join(' '));
  });

  it('the compiled CLI answers from the real knowledge', () => {
    const run = spawnSync(
      process.execPath,
      ['dist/src/cli/main.js', 'ask', '--json', 'can my scarlett 2i2 drive an hd 600?'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'match' });
  });

  it('the compiled product opens the console without a token', () => {
    const run = spawnSync(process.execPath, [...PRODUCTION_NODE_FLAGS, 'dist/src/main.js'], {
      cwd: root,
      input: 'what is impedance?\n/quit\n',
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, DISCORD_TOKEN: '' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Headroom console/);
    expect(run.stdout).toMatch(/impedance/i);
  });
});
