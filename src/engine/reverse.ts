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
import { validateHeadphone, validateSource, validateTarget } from './validate.js';
import { VERDICT_RANK } from './verdict.js';
import { guardFinite } from './finite.js';

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
  invalid: { id: string; errors: string[] }[];
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
  evaluate: (spec: T) => { errors: string[] } | { ranked: Omit<Ranked, 'id'> },
  minVerdict: 'fine' | 'marginal' = 'fine',
): RankResult {
  const ranked: Ranked[] = [];
  const invalid: { id: string; errors: string[] }[] = [];
  for (const item of items) {
    const r = evaluate(item.spec);
    if ('errors' in r) invalid.push({ id: item.id, errors: r.errors });
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
    const errors: string[] = [];
    if (spec.outputs.length === 0) errors.push('A source needs at least one output.');
    for (const o of spec.outputs)
      for (const e of validateSource(o.spec)) errors.push(`Output ${JSON.stringify(o.id)}: ${e}`);
    if (errors.length > 0) return { errors };
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
  const errors = [...validateSource(spec)];
  if (errors.length > 0) return { errors };
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
  const errors = [...validateHeadphone(hp), ...validateTarget(targetSpl)];
  if (errors.length > 0) return { ok: false, errors };
  return guardFinite(rankItems(sources, (spec) => evaluateSourceItem(hp, spec, targetSpl), opts.minVerdict));
}

/** Which of these headphones this source (one output, or a multi-output source) drives. */
export function rankHeadphonesFor(
  src: SourceSpec | MultiOutputSource,
  headphones: RankItem<HeadphoneSpec>[],
  opts: RankOptions = {},
): EngineResult<RankResult> {
  const targetSpl = opts.targetSpl ?? DEFAULT_TARGET_SPL;
  const errors = validateTarget(targetSpl);
  if (isMultiOutput(src)) {
    if (src.outputs.length === 0) errors.push('A source needs at least one output.');
    for (const o of src.outputs)
      for (const e of validateSource(o.spec)) errors.push(`Output ${JSON.stringify(o.id)}: ${e}`);
  } else errors.push(...validateSource(src));
  if (errors.length > 0) return { ok: false, errors };
  return guardFinite(
    rankItems(
      headphones,
      (hp) => {
        const e = validateHeadphone(hp);
        return e.length > 0 ? { errors: e } : evaluateSourceItem(hp, src, targetSpl);
      },
      opts.minVerdict,
    ),
  );
}
