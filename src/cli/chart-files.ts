/**
 * `--svg FILE` / `--png FILE` on `match`, `ask`, `drives` and `driven-by`: writes the answer's headroom chart. An
 * answer without a chart (a FAQ topic, a device card) says so on stderr and sets exit code 1; the text answer is
 * printed either way. The console's `/chart FILE` writes the last answer's chart the same way.
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

export const NO_CHART = 'this answer has no chart (charts come with drive checks and rankings)';

/** Writes the chart files asked for: null when done (or none asked for), else what went wrong. */
export function writeChartFiles(chart: LevelChart | null, flags: ChartFlags): string | null {
  if (!flags.svg && !flags.png) return null;
  if (!chart) return NO_CHART;
  try {
    const svg = chartSvg(chart);
    if (flags.svg) writeFileSync(flags.svg, svg);
    if (flags.png) writeFileSync(flags.png, svgToPng(svg));
    return null;
  } catch (err) {
    return `could not write the chart: ${(err as Error).message}`;
  }
}

/** `/chart FILE` in the console: the file's extension picks the format (.svg, else PNG). */
export const flagsForFile = (file: string): ChartFlags => (/\.svg$/i.test(file) ? { svg: file } : { png: file });
