/**
 * "Do I need an amp for my DT 990 Pro 250?" with no source named: the headphones' own figures against the usual
 * source classes (each the range over its sourced members) and the most common named sources, a verdict per row,
 * then an invitation to name the source.
 */
import {
  evaluateEstimate,
  requirementsFor,
  type EstimateCase,
  type SourceOutput,
  type Verdict,
} from '../engine/index.js';
import type { SourceClassId, SourceDevice, Topic } from '../knowledge/index.js';
import { deviceName } from '../search/device-docs.js';
import { CLASS_WORDS, countOf } from './classes.js';
import type { AnswerContext } from './context.js';
import { deviceRef } from './device-answer.js';
import { sourceOutputs } from './device-specs.js';
import { mW, signedDb, V } from '../format.js';
import type { HeadphoneSide } from './sides.js';
import type { SourcesTableAnswer, SourcesTableRow, Headline } from './types.js';
import { BAND_WORDS } from './verdict-words.js';
import { sourcesTableChart } from './chart.js';

/** The source classes every table shows, in the order people move up. */
export const TABLE_CLASSES: readonly SourceClassId[] = [
  'phone-dongle',
  'laptop',
  'dac-dongle',
  'budget-interface',
  'desktop-amp',
];

/** The named sources people own most, shown after the classes (skipped when not in the catalogue or not sourced). */
export const TABLE_SOURCES: readonly string[] = [
  'apple-usb-c-to-3-5mm-adapter-us',
  'apple-mac-headphone-jack-2021',
  'focusrite-scarlett-2i2-4th-gen',
  'schiit-magni-2',
];

function combine(verdicts: Verdict[]): Verdict {
  const first = verdicts[0];
  return first !== undefined && verdicts.every((v) => v === first) ? first : 'depends';
}

/** The headphone cases: the device itself, or the members it is estimated from. */
function headphoneCases(hp: HeadphoneSide) {
  return hp.estimate
    ? hp.estimate.members.map((m) => ({ id: m.id, spec: m.spec }))
    : [{ id: hp.device?.id ?? 'headphones', spec: hp.spec }];
}

function row(
  label: string,
  id: string,
  kind: SourcesTableRow['kind'],
  hp: HeadphoneSide,
  sources: { id: string; outputs: SourceOutput[] }[],
  targetSpl: number,
  basis: string,
): SourcesTableRow | null {
  const cases: EstimateCase[] = headphoneCases(hp).flatMap((h) =>
    sources.map((s) => ({ id: `${h.id}|${s.id}`, headphone: h.spec, outputs: s.outputs })),
  );
  const r = evaluateEstimate(cases, { targetSpl });
  if (!r.ok || !r.value.low || !r.value.high) return null;
  const estimated = kind === 'class' || Boolean(hp.estimate);
  return {
    source: label,
    id,
    kind,
    verdict: r.value.verdict,
    band: r.value.band,
    headroomLowDb: r.value.low.headroomDb,
    headroomHighDb: r.value.high.headroomDb,
    estimated,
    count: sources.length,
    basis,
  };
}

/** "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function outcome(r: SourcesTableRow): string {
  const lo = r.headroomLowDb ?? 0;
  const hi = r.headroomHighDb ?? 0;
  const range = Math.abs(hi - lo) < 0.05 ? signedDb(lo) : `${signedDb(lo)} … ${signedDb(hi)}`;
  return `${BAND_WORDS[r.band]} (${range})`;
}

export function sourcesTable(
  hp: HeadphoneSide,
  ctx: AnswerContext,
  targetSpl: number,
  confidence = 0.7,
): SourcesTableAnswer {
  const rows: SourcesTableRow[] = [];
  for (const cls of TABLE_CLASSES) {
    const use = ctx.classes.use(cls);
    if (!use) continue;
    const words = CLASS_WORDS[use.from];
    const members = use.members.map((m) => ({ id: m.device.id, outputs: m.outputs }));
    const borrowed = use.from !== cls ? ` (too few sourced ${CLASS_WORDS[cls].many} yet)` : '';
    const basis = `estimated from ${countOf(members.length, use.total, words.many)}${borrowed}`;
    const r = row(`Typical ${CLASS_WORDS[cls].one}`, cls, 'class', hp, members, targetSpl, basis);
    if (r) rows.push(r);
  }
  for (const id of TABLE_SOURCES) {
    const d = ctx.finder.byId(id);
    if (d?.type !== 'source') continue;
    const source = d as SourceDevice & typeof d;
    if (!ctx.classes.membersOf(source.class).some((m) => m.device.id === id)) continue;
    const r = row(
      deviceName(d),
      id,
      'device',
      hp,
      [{ id, outputs: sourceOutputs(source).source.outputs }],
      targetSpl,
      'its own sourced figures',
    );
    if (r) rows.push(r);
  }
  const verdict = combine(rows.map((r) => r.verdict));
  const req = hp.estimate ? null : requirementsFor(hp.spec, targetSpl);
  const needs = req ? `The ${hp.label} need about ${V(req.vrms)} (${mW(req.mw)}) for ${targetSpl} dB peaks.` : '';
  const name = (r: SourcesTableRow) =>
    r.kind === 'class' ? r.source.replace(/^Typical /, 'a typical ') : `the ${r.source}`;
  const ok = rows.filter((r) => r.verdict === 'fine').map(name);
  const short = rows.filter((r) => r.verdict === 'needs_amp').map(name);
  let headline: Headline;
  if (verdict === 'fine')
    headline = {
      lead: 'Probably not — the usual sources drive them.',
      detail: `${needs}Every source below reaches ${targetSpl} dB peaks.`,
    };
  else if (verdict === 'needs_amp')
    headline = {
      lead: 'Yes — they need an amp.',
      detail: `${needs}None of the usual sources below gets them to ${targetSpl} dB peaks.`,
    };
  else {
    const okText = ok.length ? ` Enough: ${list(ok)}.` : ' None of the usual sources is clearly enough.';
    const shortText = short.length ? ` Short of it: ${list(short)}.` : '';
    headline = { lead: 'It depends on your source.', detail: `${needs}${okText}${shortText}`.trim() };
  }
  const notes = [
    'Class rows are ranges over the sourced devices of that class (the lowest and highest 10 % left out from five ' +
      'devices on); named rows use that device’s own figures.',
    'Tell me your source (e.g. "on my Scarlett Solo", "iPhone", "MacBook Air M2") for a definite answer.',
  ];
  if (hp.estimate)
    notes.unshift(
      `The ${hp.label}'s own ${hp.estimate.missing.join(' and ')} ${hp.estimate.missing.length > 1 ? 'are' : 'is'} ` +
        `not published in the sources I have: every row is estimated from ` +
        `${countOf(hp.estimate.members.length, hp.estimate.total, `${hp.estimate.group} headphones`)}.`,
    );
  const readMore = ['do-i-need-an-amp', 'headphone-output-power']
    .map((id) => ctx.topics.get(id))
    .filter((t): t is Topic => Boolean(t))
    .map((t) => ({ id: t.id, title: t.title }));
  return {
    kind: 'match',
    mode: 'sources-table',
    headphone: hp.device ? deviceRef(hp.device) : null,
    headphoneLabel: hp.label,
    targetSpl,
    verdict,
    required: req ? { vrms: req.vrms, mw: req.mw, ma: req.ma } : null,
    rows: rows.map((r) => ({ ...r, outcome: outcome(r) })),
    headline,
    notes: [...(hp.notes ?? []), ...notes],
    readMore,
    chart: sourcesTableChart(hp.label, rows, targetSpl),
    confidence,
  };
}
