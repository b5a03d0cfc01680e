/**
 * Reverse queries over the real device data: which sources drive these headphones, which headphones a source drives.
 */
import { rankHeadphonesFor, rankSourcesFor, type EngineResult, type Ranked, type RankResult } from '../engine/index.js';
import type { HeadphoneDevice, KnownDevice, SourceDevice } from '../knowledge/index.js';
import type { DeviceFinder, Resolution } from '../search/device-finder.js';

type Resolved = Extract<Resolution, { status: 'found' }>;
import { deviceRef } from './device-answer.js';
import { headphoneSpec, sourceOutputs } from './device-specs.js';
import type { DeviceRef, LevelChart } from './types.js';
import { rankingChart } from './chart.js';
import { problemsText } from './problem-text.js';

export interface ReverseEntry {
  device: DeviceRef;
  verdict: Ranked['verdict'];
  headroomDb: number | null;
  maxSpl: number | null;
  output: string | null;
}

export type ReverseResult =
  | {
      ok: true;
      subject: DeviceRef;
      assumedVariant: boolean;
      targetSpl: number;
      entries: ReverseEntry[];
      skipped: number;
      /** The best entries by headroom as a chart. */
      chart: LevelChart;
    }
  | { ok: false; message: string; options?: DeviceRef[] };

function entries(ranked: Ranked[], byId: Map<string, KnownDevice>): ReverseEntry[] {
  return ranked.map((r) => ({
    device: deviceRef(byId.get(r.id)!),
    verdict: r.verdict,
    headroomDb: r.headroomDb,
    maxSpl: r.result.maxSpl,
    output: r.outputId ?? null,
  }));
}

function resolveOrExplain(finder: DeviceFinder, name: string, type: 'headphone' | 'source') {
  const r = finder.resolve(name, type);
  if (r.status === 'found') return r;
  if (r.status === 'ambiguous')
    return {
      ok: false as const,
      message: `"${name}" fits several ${type}s; which one?`,
      options: r.candidates.map(deviceRef),
    };
  return {
    ok: false as const,
    message: `I don't know a ${type} called "${name}".`,
    options: r.suggestions.map(deviceRef),
  };
}

/** A ranking of the catalogue's devices as a listing: the known verdicts, best first, and how many had none. */
function listing(
  ranked: EngineResult<RankResult>,
  subject: Resolved,
  devices: readonly KnownDevice[],
  targetSpl: number,
  direction: 'sources' | 'headphones',
): ReverseResult {
  if (!ranked.ok) return { ok: false, message: problemsText(ranked.problems) };
  const byId = new Map<string, KnownDevice>(devices.map((d) => [d.id, d]));
  const known = entries(
    ranked.value.ranked.filter((x) => x.verdict !== 'unknown'),
    byId,
  );
  const name = deviceRef(subject.device).name;
  return {
    ok: true,
    subject: deviceRef(subject.device),
    assumedVariant: subject.assumedVariant,
    targetSpl,
    entries: known,
    skipped: devices.length - known.length,
    chart: rankingChart(name, direction, known, targetSpl),
  };
}

/** Known sources, best headroom first, for the named headphones. */
export function sourcesFor(finder: DeviceFinder, headphone: string, targetSpl: number): ReverseResult {
  const r = resolveOrExplain(finder, headphone, 'headphone');
  if (!('status' in r)) return r;
  const built = headphoneSpec(r.device as HeadphoneDevice);
  if (!built) return { ok: false, message: `I have no sourced impedance for the ${deviceRef(r.device).name}.` };
  const sources = finder.devices.filter((d): d is KnownDevice & SourceDevice => d.type === 'source');
  const ranked = rankSourcesFor(
    built.spec,
    sources.map((d) => ({ id: d.id, spec: sourceOutputs(d).source })),
    { targetSpl },
  );
  return listing(ranked, r, sources, targetSpl, 'sources');
}

/** Known headphones, best headroom first, on the named source. */
export function headphonesFor(finder: DeviceFinder, source: string, targetSpl: number): ReverseResult {
  const r = resolveOrExplain(finder, source, 'source');
  if (!('status' in r)) return r;
  const src = sourceOutputs(r.device as SourceDevice).source;
  const headphones = finder.devices.filter((d): d is KnownDevice & HeadphoneDevice => d.type === 'headphone');
  const items = headphones.flatMap((d) => {
    const built = headphoneSpec(d);
    return built ? [{ id: d.id, spec: built.spec }] : [];
  });
  const ranked = rankHeadphonesFor(src, items, { targetSpl });
  return listing(ranked, r, headphones, targetSpl, 'headphones');
}
