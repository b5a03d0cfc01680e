/**
 * `--svg FILE` / `--png FILE` on `match`, `ask`, `drives` and `driven-by`: writes the answer's headroom chart. An
 * answer without a chart (a FAQ topic, a device card) says so on stderr and sets exit code 1; the text answer is
 * printed either way.
 */
import { writeFileSync } from 'node:fs';
import type { LevelChart } from '../answer/types.js';
import { chartSvg } from '../render/chart-svg.js';
import { svgToPng } from '../render/chart-png.js';

export interface ChartFlags {
  svg?: string;
  png?: string;
}

export const CHART_OPTIONS = [
  ['--svg <file>', 'also write the headroom chart as SVG'],
  ['--png <file>', 'also write the headroom chart as PNG'],
] as const;

/** Writes the chart files asked for; false (and a message on stderr) when there is no chart or a file fails. */
export function writeChartFiles(chart: LevelChart | null, flags: ChartFlags): boolean {
  if (!flags.svg && !flags.png) return true;
  if (!chart) {
    console.error('error: this answer has no chart (charts come with drive checks and rankings)');
    return false;
  }
  try {
    const svg = chartSvg(chart);
    if (flags.svg) writeFileSync(flags.svg, svg);
    if (flags.png) writeFileSync(flags.png, svgToPng(svg));
    return true;
  } catch (err) {
    console.error(`error: could not write the chart: ${(err as Error).message}`);
    return false;
  }
}
