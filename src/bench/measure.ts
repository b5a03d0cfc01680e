/**
 * One benchmark run at one knowledge size (run in its own process so memory figures are clean):
 * index build time, ask and autocomplete latency (p50/p99), heap and RSS, answer quality on the dev set, and the
 * same for the naive baseline (one default fuse.js instance over all fields of all entries).
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { Brain } from '../answer/brain.js';
import { TopicRanker } from '../search/topic-ranker.js';
import { Lexicon } from '../text/lexicon.js';
import { loadKnowledge, type Knowledge } from '../knowledge/index.js';
import { syntheticKnowledge } from './synthetic.js';
import { PROJECT_ROOT } from '../paths.js';

export interface SizeResult {
  size: number;
  entries: number;
  ours: {
    buildMs: number;
    /** Building the topic ranker alone (phrase index, classifier training, BM25), part of buildMs. */
    rankerBuildMs: number;
    ask: Percentiles;
    autocomplete: Percentiles;
    /** `ask` on hostile inputs of 4,000 characters beside a normal question (median of repeated runs). */
    hostile: { name: string; p50: number; ratio: number }[];
    heapMb: number;
    rssMb: number;
    afterQueries: { heapMb: number; rssMb: number };
    quality: number;
  };
  naive: { buildMs: number; ask: Percentiles; autocomplete: Percentiles; quality: number | null } | null;
}
interface Percentiles {
  p50: number;
  p99: number;
  n: number;
}

const percentiles = (xs: number[]): Percentiles => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), n: s.length };
};

/** Heap and RSS in MB after a full garbage collection (the benchmark runs with --expose-gc). */
function memory(): { heapMb: number; rssMb: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  return { heapMb: mem.heapUsed / 2 ** 20, rssMb: mem.rss / 2 ** 20 };
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

interface Question {
  question: string;
  accept: { faq?: string[]; match?: unknown };
}

export function devQuestions(root: string): Question[] {
  const file = `${root}/../shared/eval/dev-questions.jsonl`;
  const own = `${root}/test/eval/own-questions.jsonl`;
  const lines = [file, own].filter(existsSync).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean));
  return lines.map((l) => JSON.parse(l) as Question);
}

function passes(q: Question, kind: string, id: string | undefined): boolean {
  if (q.accept.faq?.length) return kind === 'faq' && q.accept.faq.includes(id ?? '');
  if (q.accept.match) return kind === 'match';
  return kind === 'none';
}

/** Worst cases for the parsers and rankers (issue 15): a normal question, then inputs that once cost O(N²). */
const HOSTILE: { name: string; text: string }[] = [
  { name: 'a normal question', text: 'can my scarlett 2i2 drive an hd 600 at 110 dB?' },
  { name: '4,000 digits', text: '9'.repeat(4000) },
  { name: '4,000 digits with a decimal point', text: `${'1'.repeat(2000)}.${'2'.repeat(1999)}` },
  { name: '4,000 mixed symbols', text: '1.2-3/4 ohm dB mW V 5k Ω @#$%^&*()[]{}<>|~ '.repeat(100).slice(0, 4000) },
  {
    name: '4,000 characters of words',
    text: 'my headphones are quiet when plugged into the interface and '.repeat(70).slice(0, 4000),
  },
];

function hostileInputs(brain: Brain): { name: string; p50: number; ratio: number }[] {
  const medianOf = (text: string) => percentiles(Array.from({ length: 21 }, () => time(() => brain.ask(text))[1])).p50;
  const rows = HOSTILE.map((h) => ({ name: h.name, p50: medianOf(h.text) }));
  const normal = rows[0]!.p50;
  return rows.map((r) => ({ ...r, ratio: r.p50 / normal }));
}

export function measure(
  size: number,
  root: string,
  opts: { naive: boolean; askRepeats: number; naiveSamples: number; naiveQualityQuestions: number },
): SizeResult {
  const real = loadKnowledge();
  const synthetic = syntheticKnowledge(size);
  const knowledge: Knowledge = {
    ...real,
    topics: [...real.topics, ...synthetic.topics],
    devices: [...real.devices, ...synthetic.devices],
  };
  const questions = devQuestions(root);
  const prefixes = [...real.topics.map((t) => t.title), ...real.devices.map((d) => `${d.brand} ${d.model}`)]
    .flatMap((name, i) => [1 + (i % 3), 4 + (i % 4), 8 + (i % 5)].map((n) => name.slice(0, n)))
    .slice(0, 600);

  const [brain, buildMs] = time(() => new Brain(knowledge));
  const loaded = memory();
  for (const q of questions.slice(0, 5)) brain.ask(q.question); // warm-up (JIT)
  const askTimes: number[] = [];
  for (let r = 0; r < opts.askRepeats; r++)
    for (const q of questions) askTimes.push(time(() => brain.ask(q.question))[1]);
  const acTimes: number[] = [];
  for (const p of prefixes) {
    acTimes.push(time(() => brain.completeTopics(p, 25))[1]);
    acTimes.push(time(() => brain.devices.index.complete(p, { limit: 25 }))[1]);
  }
  const hostile = hostileInputs(brain);
  const quality =
    questions.filter((q) => {
      const a = brain.ask(q.question);
      return passes(q, a.kind, a.kind === 'faq' ? a.topic.id : undefined);
    }).length / questions.length;
  const afterQueries = memory();
  // Last, so the second ranker it builds does not count in the memory figures.
  const [, rankerBuildMs] = time(
    () => new TopicRanker(knowledge.topics, new Lexicon(knowledge.lexicon), {}, knowledge.offTopic ?? []),
  );
  const ours = {
    buildMs,
    rankerBuildMs,
    hostile,
    ask: percentiles(askTimes),
    autocomplete: percentiles(acTimes),
    ...loaded,
    afterQueries,
    quality,
  };

  let naive: SizeResult['naive'] = null;
  if (opts.naive) {
    type Doc = { kind: 'faq' | 'device'; id: string; title: string; aliases: string[]; tags: string[]; body: string };
    const docs: Doc[] = [
      ...knowledge.topics.map((t) => ({
        kind: 'faq' as const,
        id: t.id,
        title: t.title,
        aliases: t.aliases,
        tags: t.tags,
        body: t.body,
      })),
      ...knowledge.devices.map((d) => ({
        kind: 'device' as const,
        id: d.id,
        title: `${d.brand} ${d.model}`,
        aliases: d.aliases,
        tags: [d.type],
        body: d.notes ?? '',
      })),
    ];
    const [fuse, nb] = time(() => new Fuse(docs, { keys: ['title', 'aliases', 'tags', 'body'] }));
    const sample = questions.slice(0, Math.min(questions.length, opts.naiveSamples));
    const nAsk = sample.map((q) => time(() => fuse.search(q.question, { limit: 5 }))[1]);
    const nAc = prefixes.slice(0, opts.naiveSamples * 2).map((p) => time(() => fuse.search(p, { limit: 25 }))[1]);
    const devOnly = questions.slice(0, opts.naiveQualityQuestions);
    const nq =
      devOnly.filter((q) => {
        const top = fuse.search(q.question, { limit: 1 })[0];
        return passes(q, top ? top.item.kind : 'none', top?.item.id);
      }).length / Math.max(1, devOnly.length);
    naive = {
      buildMs: nb,
      ask: percentiles(nAsk),
      autocomplete: percentiles(nAc),
      quality: devOnly.length ? nq : null,
    };
  }
  return { size, entries: knowledge.topics.length + knowledge.devices.length, ours, naive };
}

if (/measure\.[jt]s$/.test(process.argv[1] ?? '')) {
  const size = Number(process.argv[2] ?? 0);
  const root = PROJECT_ROOT;
  const big = size >= 100_000;
  const result = measure(size, root, {
    naive: process.argv.includes('--naive'),
    askRepeats: big ? 3 : 10,
    naiveSamples: big ? 5 : size >= 10_000 ? 30 : 80,
    naiveQualityQuestions: big ? 0 : 38,
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
