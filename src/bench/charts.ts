/**
 * Chart render time: for each chart kind on the real knowledge (a drive check, a source with several outputs, a
 * "no source named" table, an impedance-only answer, a ranking), the SVG drawn and rasterised to PNG, repeated; p50
 * and p99 per kind. Run alone with `node dist/src/bench/charts.js` (prints JSON); `npm run bench` includes it.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Brain } from '../answer/brain.js';
import { chartOf } from '../answer/chart.js';
import type { LevelChart } from '../answer/types.js';
import { loadKnowledge } from '../knowledge/index.js';
import { svgToPng } from '../render/chart-png.js';
import { chartSvg } from '../render/chart-svg.js';

/** Knob: renders per chart kind (after two warm-up renders). */
const RUNS = 30;

export interface ChartTiming {
  kind: string;
  bars: number;
  p50: number;
  p99: number;
  pngBytes: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function measureCharts(): ChartTiming[] {
  const brain = new Brain(loadKnowledge());
  const ranking = brain.sourcesFor('hd 600', 110);
  const cases: [string, LevelChart | null][] = [
    ['drive check (one output)', chartOf(brain.match({ headphone: 'hd 600', source: 'scarlett 2i2 4th gen' }))],
    ['drive check (two outputs)', chartOf(brain.match({ headphone: 'hd 600', source: 'ifi zen can 3' }))],
    ['no source named (9 rows)', chartOf(brain.ask('do i need an amp for the dt 990 pro 250'))],
    ['impedance only (4 rows)', chartOf(brain.ask('do i need an amp for 300 ohm headphones'))],
    ['ranking (8 bars)', ranking.ok ? ranking.chart : null],
  ];
  return cases.map(([kind, chart]) => {
    if (!chart) throw new Error(`bench: no chart for ${kind}`);
    const times: number[] = [];
    let pngBytes = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      const t = performance.now();
      const png = svgToPng(chartSvg(chart));
      if (i >= 2) times.push(performance.now() - t);
      pngBytes = png.length;
    }
    times.sort((a, b) => a - b);
    return { kind, bars: chart.bars.length, p50: percentile(times, 50), p99: percentile(times, 99), pngBytes };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(measureCharts()));
