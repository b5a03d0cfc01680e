/**
 * `npm run bench`: for the real knowledge plus 1k, 10k and 100k synthetic entries, measures index build, `ask` and
 * autocomplete latency (p50/p99), heap and RSS, answer quality, and the naive baseline (one default fuse.js
 * instance over all fields) side by side; plus process start to ready in console mode. Writes BENCHMARKS.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { devQuestions, type SizeResult } from './measure.js';
import { loadKnowledge } from '../knowledge/index.js';
import { COMPILED, DEV, PRODUCTION_NODE_FLAGS } from './run-modes.js';
import { PROJECT_ROOT } from '../paths.js';
import { measureCharts } from './charts.js';
import type { ServersResult } from './servers.js';

const root = PROJECT_ROOT;
const args = process.argv.slice(2);
const sizes = args.map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 0 || n > 1_000_000)) {
  console.error(
    `npm run bench [-- SIZE ...]: sizes are whole numbers of synthetic entries from 0 to 1000000; got ` +
      `${args.join(' ')}`,
  );
  process.exit(2);
}
const SIZES = sizes.length ? sizes : [0, 1_000, 10_000, 100_000];

function runMeasure(nodeArgs: string[], size: number, naive: boolean): SizeResult {
  const args = ['--expose-gc', ...nodeArgs, String(size), ...(naive ? ['--naive'] : [])];
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
    timeout: 30 * 60_000,
  });
  if (run.status !== 0) throw new Error(`measurement at ${size} (${args.join(' ')}) failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as SizeResult;
}

function startToReady(nodeArgs: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, nodeArgs, {
      cwd: root,
      env: { ...process.env, DISCORD_TOKEN: '' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('Headroom console')) {
        resolve(performance.now() - t);
        child.kill();
      }
    });
    child.on('error', reject);
    setTimeout(() => reject(new Error('console never became ready')), 30_000);
  });
}

async function medianStart(nodeArgs: string[]): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < 5; i++) all.push(await startToReady(nodeArgs));
  all.sort((a, b) => a - b);
  return { median: all[2]!, all };
}

const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const results: SizeResult[] = [];
for (const size of SIZES) {
  process.stderr.write(`measuring ${size} synthetic entries…\n`);
  results.push(runMeasure([...PRODUCTION_NODE_FLAGS, COMPILED.measure], size, true));
}
process.stderr.write('memory at 10k in other run modes…\n');
const modes = [
  {
    name: 'production: `node --max-semi-space-size=4 dist/…` (the table above)',
    result:
      results.find((r) => r.size === 10_000) ?? runMeasure([...PRODUCTION_NODE_FLAGS, COMPILED.measure], 10_000, false),
  },
  { name: 'compiled, default V8 flags: `node dist/…`', result: runMeasure([COMPILED.measure], 10_000, false) },
  {
    name: 'development (`npm start`): `node --max-semi-space-size=4 --import tsx src/…`',
    result: runMeasure([...PRODUCTION_NODE_FLAGS, ...DEV.measure], 10_000, false),
  },
];
process.stderr.write('start to ready…\n');
const start = await medianStart([...PRODUCTION_NODE_FLAGS, COMPILED.main]);
const devStart = await medianStart([...PRODUCTION_NODE_FLAGS, ...DEV.main]);

process.stderr.write('chart render time…\n');
const charts = measureCharts();
process.stderr.write('1,000 servers × 20 entries…\n');
const serversRun = spawnSync(
  process.execPath,
  ['--expose-gc', ...PRODUCTION_NODE_FLAGS, '--max-old-space-size=8192', COMPILED.servers, '1000', '20'],
  { cwd: root, encoding: 'utf8', maxBuffer: 16 * 2 ** 20, timeout: 30 * 60_000 },
);
if (serversRun.status !== 0) throw new Error(`servers measurement failed:\n${serversRun.stderr}`);
const servers = JSON.parse(serversRun.stdout.trim().split('\n').pop()!) as ServersResult;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const real = loadKnowledge();
const questionCount = devQuestions(root).length;
const at = (size: number) => results.find((r) => r.size === size);
const mark = (ok: boolean | null | undefined) =>
  ok === undefined || ok === null ? 'not measured' : ok ? '**met**' : '**not met**';
const r10 = at(10_000);
const r100 = at(100_000);
const targets = [
  [
    'autocomplete p99 ≤ 0.1 ms at 10k',
    r10 && r10.ours.autocomplete.p99 <= 0.1,
    r10 && `${f(r10.ours.autocomplete.p99)} ms`,
  ],
  ['`ask` p99 ≤ 5 ms at 10k', r10 && r10.ours.ask.p99 <= 5, r10 && `${f(r10.ours.ask.p99)} ms`],
  [
    'autocomplete p99 ≤ 10 ms and `ask` p99 ≤ 50 ms at 100k',
    r100 && r100.ours.autocomplete.p99 <= 10 && r100.ours.ask.p99 <= 50,
    r100 && `${f(r100.ours.autocomplete.p99)} ms, ${f(r100.ours.ask.p99)} ms`,
  ],
  [
    '≥ 10× faster than the naive baseline at 10k, no loss of quality',
    r10?.naive &&
      r10.naive.ask.p50 >= 10 * r10.ours.ask.p50 &&
      r10.naive.autocomplete.p50 >= 10 * r10.ours.autocomplete.p50 &&
      r10.ours.quality >= (r10.naive.quality ?? 0),
    r10?.naive &&
      `${(r10.naive.ask.p50 / r10.ours.ask.p50).toFixed(0)}× ask, ` +
        `${(r10.naive.autocomplete.p50 / r10.ours.autocomplete.p50).toFixed(0)}× autocomplete; quality ` +
        `${(100 * r10.ours.quality).toFixed(1)}% vs naive ${(100 * (r10.naive.quality ?? 0)).toFixed(1)}%`,
  ],
  [
    'RSS ≤ 150 MB with 10k entries loaded',
    r10 && r10.ours.rssMb <= 150,
    r10 &&
      `${r10.ours.rssMb.toFixed(0)} MB after load, ${r10.ours.afterQueries.rssMb.toFixed(0)} MB after the query run`,
  ],
  ['start to ready ≤ 0.5 s with the real knowledge (compiled)', start.median <= 500, `${f(start.median)} ms`],
  [
    '1,000 servers × 20 entries: ≤ 250 MB RSS, ≤ 100 KB heap per server, a write visible in ≤ 5 ms, ask p99 unchanged',
    servers.rssMb <= 250 &&
      servers.heapPerServerKb <= 100 &&
      servers.writeVisibleMs.p99 <= 5 &&
      servers.askP99Ms <= 1.2 * servers.baseAskP99Ms,
    `${servers.rssMb.toFixed(0)} MB RSS, ${servers.heapPerServerKb.toFixed(0)} KB heap per server, write visible in ` +
      `${f(servers.writeVisibleMs.p99)} ms p99, ask p99 ${f(servers.askP99Ms)} ms ` +
      `(built-in ${f(servers.baseAskP99Ms)} ms)`,
  ],
  [
    'chart render (SVG + PNG) ≤ 50 ms per chart (p50 of each kind)',
    charts.every((c) => c.p50 <= 50),
    `slowest ${f(Math.max(...charts.map((c) => c.p50)))} ms p50, ${f(Math.max(...charts.map((c) => c.p99)))} ms p99`,
  ],
  [
    'no input of ≤ 4,000 characters costs more than 2× a normal question (real knowledge)',
    at(0) && at(0)!.ours.hostile.every((h) => h.ratio <= 2),
    at(0) &&
      at(0)!
        .ours.hostile.slice(1)
        .map((h) => `${h.name} ${h.ratio.toFixed(1)}×`)
        .join(', '),
  ],
] as const;

const NOTES_HEADING = '## Notes';
const previous = existsSync(`${root}/BENCHMARKS.md`) ? readFileSync(`${root}/BENCHMARKS.md`, 'utf8') : '';
const notes = previous.includes(NOTES_HEADING)
  ? previous.slice(previous.indexOf(NOTES_HEADING)).trimEnd()
  : `${NOTES_HEADING}\n\n(hand-written notes go here; \`npm run bench\` keeps this section)`;

const lines = [
  '# Benchmarks',
  '',
  `Run ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${cpus().length} cores, Node ${process.version} (\`npm ` +
    `run bench\`; everything above "Notes" is generated).`,
  '',
  `"Entries" = the real knowledge (${real.topics.length} FAQ topics, ${real.devices.length} devices) plus N ` +
    `synthetic ones (70% devices with brands, models,`,
  'variants and aliases; 30% FAQ topics with titles, aliases and ~90-word bodies). `ask` latency is over the',
  `evaluation questions (dev set + own set, ${questionCount} questions, repeated); autocomplete over 1–12-character ` +
    `prefixes of`,
  'real topic titles and device names, against both the topic and the device index. Quality = share of the',
  `evaluation questions answered acceptably (ours: all ${questionCount}; naive: the first 38, i.e. the dev set, its ` +
    `top hit as the answer).`,
  'Memory is measured after a full garbage collection, right after the knowledge is loaded and indexed, and again',
  'after the whole query run. Each size runs in its own process, the way production runs: compiled JavaScript,',
  `\`node ${PRODUCTION_NODE_FLAGS.join(' ')} dist/src/main.js\`.`,
  '',
  '## Targets',
  '',
  '| target | result | measured |',
  '|---|---|---|',
  ...targets.map(([name, ok, value]) => `| ${name} | ${mark(ok)} | ${value ?? ''} |`),
  '',
  '## Ours',
  '',
  '| synthetic | entries | build ms (ranker) | ask p50 / p99 ms | autocomplete p50 / p99 ms | heap MB | RSS MB after ' +
    'load / after queries | quality |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.size.toLocaleString('en')} | ${r.entries.toLocaleString('en')} | ${f(r.ours.buildMs)} ` +
      `(${f(r.ours.rankerBuildMs)}) | ${f(r.ours.ask.p50)} / ${f(r.ours.ask.p99)} | ${f(r.ours.autocomplete.p50)} / ` +
      `${f(r.ours.autocomplete.p99)} | ${r.ours.heapMb.toFixed(0)} | ${r.ours.rssMb.toFixed(0)} / ` +
      `${r.ours.afterQueries.rssMb.toFixed(0)} | ${(100 * r.ours.quality).toFixed(1)}% |`,
  ),
  '',
  '## Servers',
  '',
  `${servers.servers.toLocaleString('en')} servers × ${servers.entries} FAQ entries each in one process (SQLite ` +
    "file, every server's brain kept),",
  'each server asked once; then `ask` in servers with entries beside the built-in brain, and',
  '30 writes each followed by the question that must see it (the time includes rebuilding that server’s brain).',
  '',
  '| RSS MB | heap per server KB | brain build ms per server | write → visible p50 / p99 ms | ask p99 ms (built-in) |',
  '|---:|---:|---:|---:|---:|',
  `| ${servers.rssMb.toFixed(0)} | ${servers.heapPerServerKb.toFixed(0)} | ${f(servers.buildMs)} | ` +
    `${f(servers.writeVisibleMs.p50)} / ${f(servers.writeVisibleMs.p99)} | ${f(servers.askP99Ms)} ` +
    `(${f(servers.baseAskP99Ms)}) |`,
  '',
  '## Charts',
  '',
  'Headroom charts on the real knowledge: the SVG drawn and rasterised to an 800 px PNG (resvg, bundled fonts), 30',
  'renders per kind after two warm-ups, in the benchmark process.',
  '',
  '| chart | bars | p50 / p99 ms | PNG KB |',
  '|---|---:|---:|---:|',
  ...charts.map((c) => `| ${c.kind} | ${c.bars} | ${f(c.p50)} / ${f(c.p99)} | ${(c.pngBytes / 1024).toFixed(0)} |`),
  '',
  '## Hostile input',
  '',
  '`ask` on 4,000-character inputs beside a normal question (median of 21 runs each; the number patterns were once',
  'quadratic in a run of digits).',
  '',
  `| input | ${results.map((r) => `${r.size.toLocaleString('en')} synthetic: ms (× normal)`).join(' | ')} |`,
  `|---|${results.map(() => '---:').join('|')}|`,
  ...(results[0]?.ours.hostile ?? []).map(
    (h, i) =>
      `| ${h.name} | ` +
      `${results.map((r) => `${f(r.ours.hostile[i]!.p50)} (${r.ours.hostile[i]!.ratio.toFixed(1)}×)`).join(' | ')} |`,
  ),
  '',
  '## Naive baseline',
  '',
  'On the same data: one `new Fuse(all, { keys: [title, aliases, tags, body] })` with default options.',
  '',
  '| synthetic | build ms | ask p50 / p99 ms | autocomplete p50 / p99 ms | quality | ask speed-up (p50) | ' +
    'autocomplete speed-up (p50) |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => {
    const n = r.naive!;
    return (
      `| ${r.size.toLocaleString('en')} | ${f(n.buildMs)} | ${f(n.ask.p50)} / ${f(n.ask.p99)} | ` +
      `${f(n.autocomplete.p50)} / ${f(n.autocomplete.p99)} | ` +
      `${n.quality === null ? 'not run' : `${(100 * n.quality).toFixed(1)}%`} | ` +
      `${(n.ask.p50 / r.ours.ask.p50).toFixed(0)}× | ${(n.autocomplete.p50 / r.ours.autocomplete.p50).toFixed(0)}× |`
    );
  }),
  '',
  '## Memory and start-up by run mode',
  '',
  '| run mode | heap MB at 10k | RSS MB at 10k, after load / after queries |',
  '|---|---:|---:|',
  ...modes.map(
    (m) =>
      `| ${m.name} | ${m.result.ours.heapMb.toFixed(0)} | ${m.result.ours.rssMb.toFixed(0)} / ` +
      `${m.result.ours.afterQueries.rssMb.toFixed(0)} |`,
  ),
  '',
  `Start to ready (console mode, real knowledge), median of 5: production **${f(start.median)} ms** ` +
    `(${start.all.map(f).join(', ')}); development (\`npm start\`, tsx) ${f(devStart.median)} ms ` +
    `(${devStart.all.map(f).join(', ')}).`,
  '',
  '## Design',
  '',
  '- One `TextIndex` per kind (FAQ topics; devices), built once and immutable, packed into typed arrays: postings',
  '  are one `Int32Array` of `document << 3 | field flags` per index (title/alias, tag, body), titles and aliases are',
  '  word-id runs, and words are ids in one `Map`. A query accumulates a cheap score per document in a reused typed',
  '  array, keeps the best 80 with a heap, and fully scores only those (phrase F-score, word pairs).',
  '- Typos: a letter-trigram pre-filter picks ≤ 40 known words, fuse.js ranks those, an edit distance on a',
  '  sound-alike key decides; results are cached per word.',
  '- Autocomplete: keys (each name/alias without spaces, and from each of its first words on) are (phrase, offset)',
  '  pairs in typed arrays sorted by the text they point to; a binary search compares in place, so no key is a string.',
  '  fuse.js only corrects typed words when nothing matches.',
  '- Device names in messages: every 1–6-word window is looked up in a hash map of compact names and aliases.',
  '- The naive baseline runs fuse.js over every field of every entry for each query, so its cost grows with the total',
  '  text; it also answers far worse, because bitap scoring of long questions against long bodies is not relevance.',
  '',
  notes,
  '',
];
writeFileSync(`${root}/BENCHMARKS.md`, lines.join('\n'));
console.log(lines.join('\n'));
