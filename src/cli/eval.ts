/**
 * `npm run eval [-- FILE.jsonl ...]`: runs every question of the evaluation sets through `ask --json` (batch mode,
 * a real CLI process), grades the answers like ../shared/eval/grade.mjs, prints the pass rate per category and
 * lists the failures, beside a library baseline (plain MiniSearch over the same topics) per category and per
 * tuning fold (A: tuned on; B: held back). Default sets: ../shared/eval/dev-questions.jsonl (when present) and
 * test/eval/*.jsonl.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { loadKnowledge } from '../knowledge/index.js';
import { PROJECT_ROOT } from '../paths.js';
import { pct } from '../format.js';

const root = PROJECT_ROOT;

const EvalCase = z.object({
  id: z.string(),
  question: z.string(),
  category: z.string().optional(),
  accept: z.object({
    faq: z.array(z.string()).optional(),
    clarify: z.boolean().optional(),
    none: z.boolean().optional(),
    match: z
      .object({
        headphone: z.string().nullable(),
        source: z.string().nullable(),
        verdicts: z.array(z.string()).nullable(),
      })
      .optional(),
    device: z.string().optional(),
  }),
});
type EvalCase = z.infer<typeof EvalCase>;

interface AnswerLike {
  kind?: string;
  faq?: { id?: string; certain?: boolean } | null;
  match?: { verdict?: string; headphone?: { name?: string } | null; source?: { name?: string } | null } | null;
  device?: { id?: string } | null;
}

const matches = (pattern: string | null, value: unknown) =>
  pattern == null || (typeof value === 'string' && new RegExp(pattern, 'i').test(value));

export function passes(accept: EvalCase['accept'], a: AnswerLike | undefined): boolean {
  if (!a) return false;
  if (a.kind === 'faq' && accept.faq?.includes(a.faq?.id ?? '')) return true;
  if (accept.clarify && a.kind === 'clarify') return true;
  if (accept.none && a.kind === 'none') return true;
  if (accept.device && a.kind === 'device' && a.device?.id === accept.device) return true;
  const m = accept.match;
  if (m && a.kind === 'match' && a.match) {
    return (
      matches(m.headphone, a.match.headphone?.name) &&
      matches(m.source, a.match.source?.name) &&
      (m.verdicts == null || m.verdicts.includes(a.match.verdict ?? ''))
    );
  }
  return false;
}

function categoryOf(c: EvalCase): string {
  return (
    c.category ??
    (c.accept.match
      ? 'match'
      : c.accept.none
        ? 'none'
        : c.accept.clarify && !c.accept.faq
          ? 'clarify'
          : c.accept.device
            ? 'device'
            : 'faq')
  );
}

function readCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = EvalCase.safeParse(JSON.parse(l));
      if (!parsed.success)
        throw new Error(
          `${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`,
        );
      return parsed.data;
    });
}

function defaultFiles(): string[] {
  const files: string[] = [];
  const shared = resolve(root, '../shared/eval/dev-questions.jsonl');
  if (existsSync(shared)) files.push(shared);
  const own = join(root, 'test/eval');
  if (existsSync(own))
    files.push(
      ...readdirSync(own)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .map((f) => join(own, f)),
    );
  return files;
}

/**
 * The tuning fold of a case: A (tune on it) or B (report it), by a stable hash of the id, so the two halves never
 * change between runs. Thresholds and weights are tuned on fold A only; fold B is the held-back score.
 */
export function foldOf(id: string): 'A' | 'B' {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 2 === 0 ? 'A' : 'B';
}

/**
 * The library baseline: plain MiniSearch (BM25, fuzzy and prefix matching, its defaults) over the same topics'
 * titles, aliases and answers, top hit taken as the answer — no abstention, no devices, no drive checks.
 */
function baseline(): (question: string) => AnswerLike {
  const { topics } = loadKnowledge();
  const search = new MiniSearch<{ id: string }>({
    fields: ['title', 'aliases', 'body'],
    searchOptions: { boost: { title: 2, aliases: 1.5 }, fuzzy: 0.2, prefix: true },
  });
  search.addAll(topics.map((t) => ({ id: t.id, title: t.title, aliases: t.aliases.join(' '), body: t.body })));
  return (question) => {
    const top = search.search(question)[0];
    return top ? { kind: 'faq', faq: { id: String(top.id) } } : { kind: 'none' };
  };
}

type Tally = Map<string, { passed: number; lib: number; total: number }>;

function add(t: Tally, key: string, ok: boolean, libOk: boolean): void {
  const s = t.get(key) ?? { passed: 0, lib: 0, total: 0 };
  s.total += 1;
  if (ok) s.passed += 1;
  if (libOk) s.lib += 1;
  t.set(key, s);
}

function printTally(t: Tally, width = 16): void {
  for (const [key, s] of [...t].sort()) {
    console.log(
      `  ${key.padEnd(width)} ${`${s.passed}/${s.total}`.padStart(7)} (${pct(s.passed, s.total).padStart(6)})   ` +
        `library ${`${s.lib}/${s.total}`.padStart(7)} (${pct(s.lib, s.total).padStart(6)})`,
    );
  }
}

const files = process.argv.slice(2).length ? process.argv.slice(2) : defaultFiles();
const lib = baseline();
let total = 0;
let passed = 0;
for (const file of files) {
  const cases = readCases(file);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'ask', '--json'], {
    input: `${cases.map((c) => c.question.replace(/\s*\n\s*/g, ' ')).join('\n')}\n`,
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(`ask --json failed (exit ${run.status}):\n${run.stderr}`);
    process.exit(1);
  }
  const answers = run.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AnswerLike);
  const byCategory: Tally = new Map();
  const byFold: Tally = new Map();
  const failures: string[] = [];
  // Trust: a wrong answer stated as the answer is worse than none; a hedged one ("the closest topic I found") less so.
  const wrong = { stated: 0, hedged: 0, abstained: 0 };
  cases.forEach((c, i) => {
    const a = answers[i];
    const ok = passes(c.accept, a);
    if (!ok && a?.kind === 'none') wrong.abstained += 1;
    else if (!ok && a?.kind === 'faq' && a.faq?.certain === false) wrong.hedged += 1;
    else if (!ok) wrong.stated += 1;
    const libOk = passes(c.accept, lib(c.question));
    add(byCategory, categoryOf(c), ok, libOk);
    add(byFold, `fold ${foldOf(c.id)}`, ok, libOk);
    add(byFold, 'all', ok, libOk);
    if (!ok) {
      const match = a?.match
        ? ` ${a.match.headphone?.name ?? '-'} / ${a.match.source?.name ?? '-'} / ${a.match.verdict}`
        : '';
      const got = a ? `${a.kind} ${a.faq?.id ?? ''}${match}${a.device ? ` ${a.device.id}` : ''}` : 'no answer';
      failures.push(
        `  FAIL ${c.id} [${foldOf(c.id)}]: ${c.question.slice(0, 70).replace(/\s+/g, ' ')} -> ${got.trim()} | accept ` +
          `${JSON.stringify(c.accept)}`,
      );
    }
  });
  const filePassed = byFold.get('all')?.passed ?? 0;
  console.log(
    `\n${relative(root, file)}: ${filePassed}/${cases.length} (${pct(filePassed, cases.length)})   [bot, then the ` +
      `MiniSearch library baseline]`,
  );
  printTally(byCategory);
  console.log('  ---');
  printTally(byFold);
  console.log(
    `  not passed: ${wrong.stated} answered as certain, ${wrong.hedged} answered as "closest topic", ` +
      `${wrong.abstained} not answered`,
  );
  if (failures.length) console.log(failures.join('\n'));
  total += cases.length;
  passed += filePassed;
}
console.log(`\noverall pass rate ${pct(passed, total)}`);
console.log(`${passed} passed, ${total - passed} failed`);
