/**
 * The surface-neutral Answer: what the brain decided, with everything a surface needs to render it.
 * The console, the CLI and Discord all take this and only render it.
 */
import type { KnownDevice } from '../knowledge/index.js';
import type {
  DriverType,
  EstimateResult,
  ImpedanceOnlyResult,
  MatchResult,
  Sensitivity,
  SourceSpec,
  Verdict,
  VerdictBand,
} from '../engine/index.js';
import type { SourceClassId } from '../knowledge/index.js';
import type { CitedFigure } from './device-specs.js';

export interface TopicRef {
  id: string;
  title: string;
}

/**
 * The verdict sentence of an answer, as structure: `lead` is the short verdict ("No — you need a headphone amp."),
 * `detail` the figures behind it. Each surface decides how to emphasise the lead (Markdown bold on the console, the
 * CLI and Discord).
 */
/**
 * One step of "Show the math": text with its results marked (`{ result }`), so each surface chooses how to emphasise
 * them (Markdown bold on the console, the CLI and Discord).
 */
export type MathStep = (string | { result: string })[];

export interface Headline {
  lead: string;
  detail: string;
}

/**
 * A headroom chart as structure (src/render/chart-svg.ts draws it): one bar per source output, source class or
 * ranked device, each the level it reaches at full volume, against the listening band of the target.
 */
export interface LevelChart {
  /** 'drive': a drive check (bars are outputs or classes); 'ranking': the best sources or headphones by headroom. */
  kind: 'drive' | 'ranking';
  title: string;
  targetSpl: number;
  /** Normal (average) listening: the target less the usual peak-to-average gap. */
  averageSpl: number;
  /** Loud peaks: the loud target preset (or 5 dB above a target already that loud). */
  loudSpl: number;
  bars: ChartBar[];
  /** Where the bars' figures come from (maker, measured, estimated), in words. */
  footnote: string;
}

export interface ChartBar {
  label: string;
  /** The level reached at full volume, dB SPL: a point (low = high) or a range (estimates, uncertain figures). */
  lowSpl: number | null;
  highSpl: number | null;
  verdict: Verdict;
  /** True when the bar comes from class estimates rather than the device's own figures. */
  estimated: boolean;
}

export interface FaqAnswer {
  kind: 'faq';
  topic: TopicRef & { body: string; sources: string[]; tags: string[] };
  related: TopicRef[];
  /** The topics ranked next for the question (best first; empty when the topic was named, not searched for). */
  alternatives: TopicRef[];
  /** False: the closest topic found, not certainly the one asked about (surfaces say so and offer `alternatives`). */
  certain: boolean;
  /** The search score of the topic (0…1). */
  score: number;
  confidence: number;
}

export interface ClarifyAnswer {
  kind: 'clarify';
  question: string;
  /** value: what to ask next (a device id, a topic id or a fuller question). */
  options: { label: string; value: string }[];
  confidence: number;
}

export interface NoneAnswer {
  kind: 'none';
  /** Why nothing was answered, in one friendly sentence. */
  reason: string;
  suggestions: (TopicRef & { score: number })[];
  confidence: number;
}

export interface DeviceRef {
  id: string;
  name: string;
  type: 'headphone' | 'source';
}

export interface DeviceAnswer {
  kind: 'device';
  device: KnownDevice;
  name: string;
  /** Set when the text named a family and its usual variant was assumed. */
  assumedVariant: boolean;
  /** The other variants of the same family. */
  variants: DeviceRef[];
  /** Figures not published in the sources the project has, and what a match is estimated from (null: complete). */
  gaps: { missing: string[]; estimatedFrom: string | null } | null;
  confidence: number;
}

/** A drive check for one headphone and one source. */
export interface PairMatchAnswer {
  kind: 'match';
  mode: 'pair';
  headphone: DeviceRef | null;
  source: DeviceRef | null;
  /** What is being matched, in words ("Sennheiser HD 600", "300 Ω, 97 dB/mW headphones"). */
  headphoneLabel: string;
  sourceLabel: string;
  /** The output of the source that was used (the best one), when it has several. */
  outputName: string | null;
  result: MatchResult;
  /** Verdict first: a short lead (surfaces emphasise it) and one or two sentences of detail. */
  headline: Headline;
  keyNumbers: string[];
  /** "Show the math": formulas with the numbers substituted. */
  math: MathStep[];
  warnings: string[];
  /** One line on hearing safety at the listening level the target implies (null when no level was computed). */
  safety: string | null;
  /** Figures used, each with its source page. */
  cited: CitedFigure[];
  notes: string[];
  readMore: TopicRef[];
  /** The headroom chart of this answer (null: nothing to draw). */
  chart: LevelChart | null;
  confidence: number;
  /** How to ask for the same match again (device ids or raw figures): lets a button recompute it later. */
  request?: MatchRequest;
}

/** "Do I need an amp for 250 Ω headphones?": the typical range against typical sources. */
export interface ImpedanceOnlyAnswer {
  kind: 'match';
  mode: 'impedance-only';
  result: ImpedanceOnlyResult;
  headline: Headline;
  /** One row per source class: label and the outcome across the sensitivity range. */
  rows: { source: string; figures: string; outcome: string }[];
  assumptions: string[];
  /** Impedance alone does not decide it: the devices to name for a definite answer (each surface says how). */
  nameDevices: MatchExample;
  readMore: TopicRef[];
  /** The headroom chart of this answer (null: nothing to draw). */
  chart: LevelChart | null;
  confidence: number;
}

/** An example drive check a surface can show in its own syntax ("/match headphones:… source:…", "match --…"). */
export interface MatchExample {
  headphone: string;
  source: string;
}

/** "Which is easier to drive?": what each headphone needs for the same peak level. */
export interface CompareAnswer {
  kind: 'match';
  mode: 'compare';
  targetSpl: number;
  rows: {
    device: DeviceRef;
    vrms: number;
    mw: number;
    ma: number;
    sensitivityDbV: number;
    impedanceOhm: number;
    ambiguous: boolean;
  }[];
  headline: Headline;
  notes: string[];
  readMore: TopicRef[];
  confidence: number;
}

/** A drive check where the source, the headphones or both are known by name only: the range over their class. */
export interface EstimateMatchAnswer {
  kind: 'match';
  mode: 'estimate';
  headphone: DeviceRef | null;
  source: DeviceRef | null;
  headphoneLabel: string;
  sourceLabel: string;
  /** Which side was estimated. */
  estimated: { headphone: boolean; source: boolean };
  /** The source's class, and the class whose members were used (the same unless borrowed). */
  sourceClass: { id: SourceClassId; from: SourceClassId; label: string } | null;
  headphoneGroup: string | null;
  result: EstimateResult;
  /** Every member evaluated (device ids, names, verdicts, headroom), lowest headroom first. */
  from: { id: string; name: string; verdict: Verdict; headroomDb: number | null }[];
  headline: Headline;
  keyNumbers: string[];
  math: MathStep[];
  warnings: string[];
  safety: string | null;
  notes: string[];
  readMore: TopicRef[];
  /** The headroom chart of this answer (null: nothing to draw). */
  chart: LevelChart | null;
  confidence: number;
}

/** One row of a sources table: a source class (a range over its sourced members) or a named source. */
export interface SourcesTableRow {
  source: string;
  /** The class id or the device id. */
  id: string;
  kind: 'class' | 'device';
  verdict: Verdict;
  band: VerdictBand;
  headroomLowDb: number | null;
  headroomHighDb: number | null;
  /** True for class rows, and for every row when the headphones themselves are estimated. */
  estimated: boolean;
  /** How many sources the row covers. */
  count: number;
  /** Where the row's figures come from, in words. */
  basis: string;
  /** The verdict and range in words ("marginal (−3.1 … +2.0 dB)"). */
  outcome?: string;
}

/** A headphone with no source named: its verdict on the usual source classes and the most common named sources. */
export interface SourcesTableAnswer {
  kind: 'match';
  mode: 'sources-table';
  headphone: DeviceRef | null;
  headphoneLabel: string;
  targetSpl: number;
  /** The shared verdict of every row, else 'depends'. */
  verdict: Verdict;
  required: { vrms: number; mw: number; ma: number } | null;
  rows: SourcesTableRow[];
  headline: Headline;
  notes: string[];
  readMore: TopicRef[];
  /** The headroom chart of this answer (null: nothing to draw). */
  chart: LevelChart | null;
  confidence: number;
}

export type MatchAnswer =
  | PairMatchAnswer
  | ImpedanceOnlyAnswer
  | CompareAnswer
  | EstimateMatchAnswer
  | SourcesTableAnswer;

export type Answer = FaqAnswer | ClarifyAnswer | NoneAnswer | DeviceAnswer | MatchAnswer;

export interface MatchRequest {
  /** A headphone name as typed ("hd600", "dt 770 pro 80 ohm"). */
  headphone?: string;
  /** Or raw headphone figures. */
  impedanceOhm?: number;
  sensitivity?: Sensitivity;
  driver?: DriverType;
  /** A source name as typed ("scarlett 2i2 4th gen", "apple dongle"). */
  source?: string;
  /** Or raw source figures. */
  sourceSpec?: SourceSpec;
  targetSpl?: number;
}
