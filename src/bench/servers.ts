/**
 * The servers row of `npm run bench`: SERVERS servers × ENTRIES FAQ entries each in one process, every server's
 * brain kept (the cache sized to hold them all), on a real SQLite file. Measures RSS and heap per server after each
 * server was asked once, the time from a committed write to the next question that sees it, and `ask` p99 in a
 * server with entries. Run alone: `node --expose-gc dist/src/bench/servers.js [SERVERS] [ENTRIES]` (prints JSON).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Brains } from '../answer/brains.js';
import { loadKnowledge } from '../knowledge/index.js';
import { SqliteRepository } from '../storage/sqlite.js';

export interface ServersResult {
  servers: number;
  entries: number;
  rssMb: number;
  heapPerServerKb: number;
  buildMs: number;
  writeVisibleMs: { p50: number; p99: number };
  askP99Ms: number;
  baseAskP99Ms: number;
}

const QUESTIONS = [
  'do i need an amp for 250 ohm headphones?',
  'should i plug my headphones into my audio interface',
  'what are balanced connections for',
  'can my scarlett 2i2 4th gen drive an hd 600?',
  'why is there hiss in my iems',
  'headset vs headphones',
];

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export async function measureServers(servers = 1_000, entries = 20): Promise<ServersResult> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-servers-'));
  const repo = new SqliteRepository(join(dir, 'headroom.db'));
  const brains = new Brains(loadKnowledge(), repo, servers + 1);
  const guild = (i: number) => String(700_000_000_000_000_000n + BigInt(i));
  for (let s = 0; s < servers; s++)
    await repo.importEntries(
      guild(s),
      Array.from({ length: entries }, (_, i) => ({
        input: {
          kind: 'faq' as const,
          title: `Which ${['interface', 'amp', 'dongle', 'mic'][i % 4]} does server ${s} pick, number ${i}?`,
          aliases: [`server ${s} pick ${i}`],
          body: `In this server we suggest option ${i}. `.repeat(8),
        },
      })),
      'bench',
    );
  for (const q of QUESTIONS) brains.base.ask(q); // warm-up
  const before = memory();
  const t = performance.now();
  for (let s = 0; s < servers; s++) (await brains.for(guild(s))).ask(QUESTIONS[s % QUESTIONS.length]!);
  const buildMs = (performance.now() - t) / servers;
  const after = memory();

  const asks: number[] = [];
  const baseAsks: number[] = [];
  for (let r = 0; r < 40; r++)
    for (const q of QUESTIONS) {
      let t0 = performance.now();
      (await brains.for(guild(r % servers))).ask(q);
      asks.push(performance.now() - t0);
      t0 = performance.now();
      brains.base.ask(q);
      baseAsks.push(performance.now() - t0);
    }

  const visible: number[] = [];
  for (let s = 0; s < Math.min(servers, 30); s++) {
    const title = `What does server ${s} say about write ${s} visibility?`;
    const t0 = performance.now();
    await repo.addEntry(guild(s), { kind: 'faq', title, aliases: [], body: 'Seen.' }, 'bench');
    const a = (await brains.for(guild(s))).ask(title);
    visible.push(performance.now() - t0);
    if (a.kind !== 'faq' || a.topic.title !== title) throw new Error(`bench: write ${s} not visible`);
  }
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    servers,
    entries,
    rssMb: after.rss / 2 ** 20,
    heapPerServerKb: (after.heap - before.heap) / servers / 1024,
    buildMs,
    writeVisibleMs: { p50: p(visible, 0.5), p99: p(visible, 0.99) },
    askP99Ms: p(asks, 0.99),
    baseAskP99Ms: p(baseAsks, 0.99),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [servers, entries] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await measureServers(servers || undefined, entries || undefined)));
}
