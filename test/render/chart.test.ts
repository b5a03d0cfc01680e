/**
 * The headroom chart: SVG snapshots on fixed figures (one per chart kind), bar lengths read back from the SVG against
 * the engine's levels for real pairings from the real knowledge, the accessibility rules (text size at Discord's
 * preview width, a shape per verdict), and the PNG decoded.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { pairChart, RANKING_BARS } from '../../src/answer/chart.js';
import type { LevelChart, PairMatchAnswer, SourcesTableAnswer } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { PNG_WIDTH, svgToPng } from '../../src/render/chart-png.js';
import { axisOf, chartSvg, marker, MIN_FONT, VERDICT_COLORS, WIDTH } from '../../src/render/chart-svg.js';

const brain = new Brain(loadKnowledge());

const DRIVE: LevelChart = {
  kind: 'drive',
  title: 'Test Cans 300 on Test Interface & <Co>',
  targetSpl: 110,
  averageSpl: 95,
  loudSpl: 115,
  bars: [
    { label: 'Headphone out', lowSpl: 104.2, highSpl: 104.2, verdict: 'marginal', estimated: false },
    { label: 'Balanced out', lowSpl: 116, highSpl: 116, verdict: 'fine', estimated: false },
    { label: 'Typical laptop jack', lowSpl: 96, highSpl: 108, verdict: 'needs_amp', estimated: true },
    { label: 'Typical DAC dongle', lowSpl: 101, highSpl: 114, verdict: 'depends', estimated: true },
  ],
  footnote: "Figures from the maker's sheet and measurements.",
};

const RANKING: LevelChart = {
  kind: 'ranking',
  title: 'What drives the Test Cans 300',
  targetSpl: 105,
  averageSpl: 90,
  loudSpl: 115,
  bars: [
    { label: 'Big Amp (Balanced out)', lowSpl: 127, highSpl: 127, verdict: 'fine', estimated: false },
    { label: 'Small Dongle', lowSpl: 101.5, highSpl: 101.5, verdict: 'marginal', estimated: false },
  ],
  footnote: 'The best 2 of 2 by headroom.',
};

interface Rect {
  cls: string;
  x: number;
  width: number;
  attrs: Record<string, string>;
}

function rects(svg: string): Rect[] {
  return [...svg.matchAll(/<rect ([^>]*)\/>/g)].map((m) => {
    const attrs = Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    return { cls: attrs.class ?? '', x: Number(attrs.x ?? 0), width: Number(attrs.width ?? 0), attrs };
  });
}

/** Every bar's drawn length against its level: (level − axis floor) × scale, within the SVG's 0.1 rounding. */
function expectBarsToMatch(chart: LevelChart): void {
  const svg = chartSvg(chart);
  const axis = axisOf(chart);
  const scale = (WIDTH - 24) / (axis.high - axis.low);
  const drawn = chart.bars.filter((b) => b.lowSpl !== null);
  const bars = rects(svg).filter((r) => r.cls === 'bar');
  expect(bars).toHaveLength(drawn.length);
  bars.forEach((r, i) => {
    const b = drawn[i]!;
    expect(r.width).toBeCloseTo((Math.min(axis.high, b.lowSpl!) - axis.low) * scale, 0);
    expect(Number(r.attrs['data-spl'])).toBeCloseTo(b.lowSpl!, 1);
  });
  const ranges = rects(svg).filter((r) => r.cls === 'range');
  const ranged = drawn.filter((b) => b.highSpl! - b.lowSpl! > 0.05);
  expect(ranges).toHaveLength(ranged.length);
  ranges.forEach((r, i) => {
    const b = ranged[i]!;
    expect(r.width).toBeCloseTo((Math.min(axis.high, b.highSpl!) - Math.max(axis.low, b.lowSpl!)) * scale, 0);
  });
}

describe('chart SVG', () => {
  it('draws a drive check (snapshot on fixed figures)', () => {
    expect(chartSvg(DRIVE)).toMatchSnapshot();
  });

  it('draws a ranking (snapshot on fixed figures)', () => {
    expect(chartSvg(RANKING)).toMatchSnapshot();
  });

  it('draws each bar as long as its level, and ranges as ranges', () => {
    expectBarsToMatch(DRIVE);
    expectBarsToMatch(RANKING);
    const svg = chartSvg(DRIVE);
    expect(svg).toContain('104 dB · marginal');
    expect(svg).toContain('96–108 dB · needs an amp (est.)');
  });

  it('keeps text at least 12 px at the 400 px preview width, and escapes names', () => {
    const svg = chartSvg(DRIVE);
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${WIDTH}"`));
    const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_FONT);
    expect(svg).toContain('Test Interface &amp; &lt;Co&gt;');
    expect(svg).not.toContain('<Co>');
  });

  it('tells verdicts apart by shape as well as colour', () => {
    const shapes = (['fine', 'marginal', 'needs_amp', 'depends'] as const).map((v) =>
      marker(v, 0, 0).replace(/fill="[^"]*"/, ''),
    );
    expect(new Set(shapes).size).toBe(4);
    expect(new Set(Object.values(VERDICT_COLORS)).size).toBe(5);
  });

  it("matches the engine's levels for a real pairing: HD 600 on the Scarlett 2i2 4th Gen", () => {
    const a = brain.match({ headphone: 'hd 600', source: 'scarlett 2i2 4th gen' }) as PairMatchAnswer;
    expect(a.mode).toBe('pair');
    const chart = a.chart!;
    expect(chart.bars).toHaveLength(1);
    expect(chart.bars[0]!.lowSpl).toBeCloseTo(a.result.maxSpl!, 6);
    expect(chart.bars[0]!.verdict).toBe(a.result.verdict);
    expect(chart.footnote).toMatch(/^Figures from /);
    expectBarsToMatch(chart);
  });

  it('draws a bar per output of a source with several (the best one is the answer)', () => {
    const a = brain.match({ headphone: 'hd 600', source: 'ifi zen can 3' }) as PairMatchAnswer;
    const chart = a.chart!;
    expect(chart.bars.length).toBeGreaterThan(1);
    const used = chart.bars.filter((b) => b.label.endsWith('(used)'));
    expect(used).toHaveLength(1);
    expect(used[0]!.lowSpl).toBeCloseTo(a.result.maxSpl!, 6);
    // every other output evaluated with the same engine: the balanced one of the ZEN CAN 3 reaches further
    expect(Math.max(...chart.bars.map((b) => b.highSpl!))).toBeGreaterThan(a.result.maxSpl!);
    expectBarsToMatch(chart);
  });

  it('draws a headphone with no source named as ranges per class, read off the rows', () => {
    const a = brain.ask('do i need an amp for the dt 990 pro 250') as SourcesTableAnswer;
    expect(a.mode).toBe('sources-table');
    const chart = a.chart!;
    a.rows.forEach((r, i) => {
      expect(chart.bars[i]!.lowSpl).toBeCloseTo(a.targetSpl + r.headroomLowDb!, 6);
      expect(chart.bars[i]!.highSpl).toBeCloseTo(a.targetSpl + r.headroomHighDb!, 6);
      expect(chart.bars[i]!.estimated).toBe(r.estimated);
    });
    expect(chart.bars.some((b) => b.highSpl! - b.lowSpl! > 1)).toBe(true);
    expectBarsToMatch(chart);
  });

  it('draws the best sources for a headphone, best first', () => {
    const r = brain.sourcesFor('hd 600', 110);
    if (!r.ok) throw new Error(r.message);
    expect(r.chart.kind).toBe('ranking');
    expect(r.chart.bars.length).toBe(Math.min(RANKING_BARS, r.entries.length));
    const levels = r.chart.bars.map((b) => b.lowSpl!);
    expect([...levels].sort((x, y) => y - x)).toEqual(levels);
    expectBarsToMatch(r.chart);
  });

  it('says where figures come from: typed figures are labelled as such', () => {
    expect(pairChart('x', 'y', [], null, [], 110).footnote).toBe('Figures as typed in.');
  });
});

describe('chart PNG', () => {
  it('decodes at the expected size, with the same bytes on every render', () => {
    const svg = chartSvg(DRIVE);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = svgToPng(svg);
    const decoded = PNG.sync.read(png);
    expect(decoded.width).toBe(PNG_WIDTH);
    expect(decoded.height).toBe(Math.round((height * PNG_WIDTH) / WIDTH));
    expect(svgToPng(svg).equals(png)).toBe(true);
  });

  it('draws the text with the bundled font (the title row has dark pixels)', () => {
    const svg = chartSvg(DRIVE);
    const { data, width } = PNG.sync.read(svgToPng(svg));
    let dark = 0;
    // the title's first line sits between y = 12 and 30 in SVG units (×2 in the PNG)
    for (let y = 24; y < 60; y++)
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        if (data[i]! < 100 && data[i + 1]! < 100 && data[i + 2]! < 100) dark++;
      }
    expect(dark).toBeGreaterThan(500);
  });
});
