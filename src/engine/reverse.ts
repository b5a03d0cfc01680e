/**
 * Reverse queries: which of these sources drive this headphone; which of these headphones this source drives.
 * Items are `{ id, spec }`. Ranked by headroom, highest first (no headroom last, then by id). Invalid items are
 * left out of the ranking and listed under `invalid` with their errors.
 */
import type {
  EngineResult,
  HeadphoneSpec,
  MatchOptions,
  MatchResult,
  MultiOutputSource,
  SourceSpec,
  Verdict,
} from './types.js';
import { DEFAULT_TARGET_SPL } from './headphone.js';
import { matchValidated, outputsValidated } from './match.js';
import { outputProblems, validateHeadphone, validateSource, validateTarget } from './validate.js';
import { VERDICT_RANK } from './verdict.js';
import { guardFinite } from './finite.js';
import type { Problem } from './problems.js';

export interface RankItem<T> {
  id: string;
  spec: T;
}

export interface Ranked {
  id: string;
  verdict: Verdict;
  headroomDb: number | null;
  /** For multi-output sources: the output used (the best one). */
  outputId?: string;
  result: MatchResult;
}

export interface RankResult {
  /** Every valid item, headroom descending. */
  ranked: Ranked[];
  /** The ranked items whose verdict is at least `minVerdict` (default 'fine'). */
  drives: Ranked[];
  invalid: { id: string; problems: Problem[] }[];
}

export interface RankOptions extends MatchOptions {
  /** Lowest verdict counted as "drives": 'fine' (default) or 'marginal'. */
  minVerdict?: 'fine' | 'marginal';
}

/** Headroom descending; null headroom last; ties by id. */
export function compareByHeadroom(a: Ranked, b: Ranked): number {
  if (a.headroomDb !== null && b.headroomDb !== null && a.headroomDb !== b.headroomDb)
    return b.headroomDb - a.headroomDb;
  if (a.headroomDb === null && b.headroomDb !== null) return 1;
  if (b.headroomDb === null && a.headroomDb !== null) return -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Generic ranking: `evaluate` returns errors (invalid item) or a ranked entry for one item.
 */
export function rankItems<T>(
  items: RankItem<T>[],
  evaluate: (spec: T) => { problems: Problem[] } | { ranked: Omit<Ranked, 'id'> },
  minVerdict: 'fine' | 'marginal' = 'fine',
): RankResult {
  const ranked: Ranked[] = [];
  const invalid: { id: string; problems: Problem[] }[] = [];
  for (const item of items) {
    const r = evaluate(item.spec);
    if ('problems' in r) invalid.push({ id: item.id, problems: r.problems });
    else ranked.push({ id: item.id, ...r.ranked });
  }
  ranked.sort(compareByHeadroom);
  const limit = VERDICT_RANK[minVerdict];
  const drives = ranked.filter((r) => r.verdict !== 'depends' && VERDICT_RANK[r.verdict] <= limit);
  return { ranked, drives, invalid };
}

function isMultiOutput(spec: SourceSpec | MultiOutputSource): spec is MultiOutputSource {
  return Array.isArray((spec as MultiOutputSource).outputs);
}

function evaluateSourceItem(hp: HeadphoneSpec, spec: SourceSpec | MultiOutputSource, targetSpl: number) {
  if (isMultiOutput(spec)) {
    const problems = outputProblems(spec.outputs);
    if (problems.length > 0) return { problems };
    const { best } = outputsValidated(hp, spec.outputs, targetSpl);
    return {
      ranked: {
        verdict: best.result.verdict,
        headroomDb: best.result.headroomDb,
        outputId: best.id,
        result: best.result,
      },
    };
  }
  const problems = [...validateSource(spec)];
  if (problems.length > 0) return { problems };
  const result = matchValidated(hp, spec, targetSpl);
  return { ranked: { verdict: result.verdict, headroomDb: result.headroomDb, result } };
}

/** Which of these sources drive this headphone (single-output specs or multi-output sources). */
export function rankSourcesFor(
  hp: HeadphoneSpec,
  sources: RankItem<SourceSpec | MultiOutputSource>[],
  opts: RankOptions = {},
): EngineResult<RankResult> {
  const targetSpl = opts.targetSpl ?? DEFAULT_TARGET_SPL;
  const problems = [...validateHeadphone(hp), ...validateTarget(targetSpl)];
  if (problems.length > 0) return { ok: false, problems };
  return guardFinite(rankItems(sources, (spec) => evaluateSourceItem(hp, spec, targetSpl), opts.minVerdict));
}

/** Which of these headphones this source (one output, or a multi-output source) drives. */
export function rankHeadphonesFor(
  src: SourceSpec | MultiOutputSource,
  headphones: RankItem<HeadphoneSpec>[],
  opts: RankOptions = {},
): EngineResult<RankResult> {
  const targetSpl = opts.targetSpl ?? DEFAULT_TARGET_SPL;
  const problems = [
    ...validateTarget(targetSpl),
    ...(isMultiOutput(src) ? outputProblems(src.outputs) : validateSource(src)),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return guardFinite(
    rankItems(
      headphones,
      (hp) => {
        const e = validateHeadphone(hp);
        return e.length > 0 ? { problems: e } : evaluateSourceItem(hp, src, targetSpl);
      },
      opts.minVerdict,
    ),
  );
}
