/**
 * The headroom charts of match answers and rankings, as structure (LevelChart): which bars, at which levels, from
 * which figures. The level a source reaches at full volume is the target plus its headroom, so every bar is read off
 * the engine's own numbers. src/render/chart-svg.ts draws it.
 */
import {
  AVERAGE_BELOW_PEAK_DB,
  TARGET_PRESETS,
  type MatchResult,
  type OutputOutcome,
  type Verdict,
} from '../engine/index.js';
import type { Basis } from '../knowledge/index.js';
import type { CitedFigure } from './device-specs.js';
import type { Answer, ChartBar, ImpedanceOnlyAnswer, LevelChart, SourcesTableRow } from './types.js';

/** Knob: how many devices a ranking chart shows (the best by headroom). */
export const RANKING_BARS = 8;
/** Loud peaks sit at least this far above the chosen target. */
const LOUD_ABOVE_TARGET_DB = 5;

const BASIS_WORDS: Record<Basis, string> = {
  maker: "the maker's sheet",
  'maker-quoted': 'maker figures quoted elsewhere',
  measured: 'measurements',
  'second-hand': 'second-hand figures',
};

function band(targetSpl: number): Pick<LevelChart, 'targetSpl' | 'averageSpl' | 'loudSpl'> {
  return {
    targetSpl,
    averageSpl: targetSpl - AVERAGE_BELOW_PEAK_DB,
    loudSpl: Math.max(TARGET_PRESETS.loud, targetSpl + LOUD_ABOVE_TARGET_DB),
  };
}

/** A level from a headroom (null stays null). */
const levelOf = (targetSpl: number, headroomDb: number | null) => (headroomDb === null ? null : targetSpl + headroomDb);

/**
 * One output's bar. A point, except where the engine itself gives a range: a sensitivity whose unit is unknown (both
 * readings), or a load below the lowest one the maker rates (the current held vs the voltage held).
 */
function outputBar(label: string, r: MatchResult): ChartBar {
  const levels: number[] = [];
  if (r.readings?.length) for (const x of r.readings) if (x.maxSpl !== null) levels.push(x.maxSpl);
  for (const w of r.warnings)
    if (w.code === 'below_rated_load') levels.push(r.targetSpl + w.headroomDbLow, r.targetSpl + w.headroomDbHigh);
  if (levels.length === 0 && r.maxSpl !== null) levels.push(r.maxSpl);
  return {
    label,
    lowSpl: levels.length ? Math.min(...levels) : null,
    highSpl: levels.length ? Math.max(...levels) : null,
    verdict: r.verdict,
    estimated: false,
  };
}

/** "Figures: the maker's sheet and measurements." from the cited figures' bases. */
function basisFootnote(cited: readonly CitedFigure[]): string {
  const bases = [...new Set(cited.map((c) => c.basis))].map((b) => BASIS_WORDS[b]);
  if (bases.length === 0) return 'Figures as typed in.';
  const last = bases.pop();
  return `Figures from ${bases.length ? `${bases.join(', ')} and ${last}` : last}.`;
}

/** A drive check of one headphone on one source: a bar per output the source has (the answer's marked "used"). */
export function pairChart(
  headphone: string,
  source: string,
  outputs: readonly OutputOutcome[],
  usedId: string | null,
  cited: readonly CitedFigure[],
  targetSpl: number,
): LevelChart {
  const label = (o: OutputOutcome) => (outputs.length === 1 ? source : o.id === usedId ? `${o.id} (used)` : o.id);
  return {
    kind: 'drive',
    title: `${headphone} on ${source}`,
    ...band(targetSpl),
    bars: outputs.map((o) => outputBar(label(o), o.result)),
    footnote: basisFootnote(cited),
  };
}

/** A drive check estimated over a class: one bar, the range over the class's members. */
export function estimateChart(
  headphone: string,
  source: string,
  result: {
    verdict: ChartBar['verdict'];
    low: { maxSpl: number | null } | null;
    high: { maxSpl: number | null } | null;
  },
  basis: string,
  targetSpl: number,
): LevelChart {
  return {
    kind: 'drive',
    title: `${headphone} on ${source}`,
    ...band(targetSpl),
    bars: [
      {
        label: `${source} (estimated)`,
        lowSpl: result.low?.maxSpl ?? null,
        highSpl: result.high?.maxSpl ?? null,
        verdict: result.verdict,
        estimated: true,
      },
    ],
    footnote: `${basis}.`,
  };
}

/** "Do I need an amp for 250 Ω headphones?": a bar per typical source, the range over the typical sensitivities. */
export function impedanceOnlyChart(
  result: ImpedanceOnlyAnswer['result'],
  rows: readonly { source: string }[],
): LevelChart {
  return {
    kind: 'drive',
    title: `${result.impedanceOhm} Ω ${result.driver} headphones on typical sources`,
    ...band(result.targetSpl),
    bars: result.sources.map((s, i) => ({
      label: rows[i]?.source ?? s.label,
      lowSpl: levelOf(result.targetSpl, s.headroomMinDb),
      highSpl: levelOf(result.targetSpl, s.headroomMaxDb),
      verdict: s.verdict,
      estimated: true,
    })),
    footnote: result.sensitivityRange
      ? `Estimated: sensitivity ${result.sensitivityRange.low}–${result.sensitivityRange.high} dB/mW (typical for ` +
        `${result.sensitivityRange.basis}) on typical sources.`
      : 'Estimated on typical sources.',
  };
}

/** A headphone with no source named: a bar per source class (a range) and per common named source. */
export function sourcesTableChart(headphone: string, rows: readonly SourcesTableRow[], targetSpl: number): LevelChart {
  const estimatedHeadphone = rows.length > 0 && rows.every((r) => r.estimated);
  return {
    kind: 'drive',
    title: `${headphone} on the usual sources`,
    ...band(targetSpl),
    bars: rows.map((r) => ({
      label: r.source,
      lowSpl: levelOf(targetSpl, r.headroomLowDb),
      highSpl: levelOf(targetSpl, r.headroomHighDb),
      verdict: r.verdict,
      estimated: r.estimated,
    })),
    footnote: estimatedHeadphone
      ? "Estimated: the headphones' own figures are not published; ranges over similar headphones."
      : "Class bars: ranges over each class's sourced devices (estimated). Named sources: their own figures.",
  };
}

/** A ranked device as the reverse queries list it (src/answer/reverse.ts). */
interface RankedEntry {
  device: { name: string };
  verdict: Verdict;
  maxSpl: number | null;
  output: string | null;
}

/** "What drives my HD 600?" / "what does my Magni drive?": the best devices by headroom. */
export function rankingChart(
  subject: string,
  direction: 'sources' | 'headphones',
  entries: readonly RankedEntry[],
  targetSpl: number,
): LevelChart {
  return {
    kind: 'ranking',
    title: direction === 'sources' ? `What drives the ${subject}` : `What the ${subject} drives`,
    ...band(targetSpl),
    bars: entries.slice(0, RANKING_BARS).map((e) => ({
      label: e.output && direction === 'sources' ? `${e.device.name} (${e.output})` : e.device.name,
      lowSpl: e.maxSpl,
      highSpl: e.maxSpl,
      verdict: e.verdict,
      estimated: false,
    })),
    footnote:
      `The best ${Math.min(RANKING_BARS, entries.length)} of ${entries.length} by headroom, from each device's own ` +
      'sourced figures.',
  };
}

/** The chart an answer carries: drive checks (pair, estimate, impedance only, sources table); null otherwise. */
export function chartOf(answer: Answer): LevelChart | null {
  return answer.kind === 'match' && answer.mode !== 'compare' ? answer.chart : null;
}
