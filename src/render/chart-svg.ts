/**
 * A headroom chart (LevelChart) as SVG: pure — figures in, SVG text out, no browser, no fonts measured. One
 * horizontal bar per row: the level reached at full volume, against the listening band (normal listening, the peak
 * target, loud peaks). Estimated ranges are drawn as ranges. Colour-blind safe: the Okabe–Ito palette, and every
 * verdict also has its own marker shape and is written out beside its bar.
 *
 * Sized for Discord: the drawing is WIDTH units wide, the width an embed image is previewed at, and no text is
 * smaller than MIN_FONT there (the PNG is rendered at 2× for sharpness).
 */
import type { Verdict } from '../engine/index.js';
import type { ChartBar, LevelChart } from '../answer/types.js';
import { VERDICT_WORDS } from '../answer/verdict-words.js';

/** Knob: the drawing's width in SVG units (Discord previews embed images about 400 px wide). */
export const WIDTH = 400;
/** Knob: the smallest text, in SVG units (= px at the preview width). */
export const MIN_FONT = 12;
const TITLE_FONT = 14;
const PAD = 12;
/** One row: its label line, then its bar. */
const ROW_HEIGHT = 38;
const BAR_HEIGHT = 14;
/** The axis never reaches below or above these levels (dB SPL); a bar beyond is cut at the edge and says so. */
export const AXIS_FLOOR_SPL = 40;
export const AXIS_CEILING_SPL = 150;
const TICK_DB = 10;
/** Rough glyph width of DejaVu Sans Condensed, as a share of the font size (regular, bold). */
const GLYPH = { regular: 0.52, bold: 0.6 } as const;

/** Okabe–Ito colours: told apart by every common form of colour blindness. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  fine: '#009E73',
  marginal: '#E69F00',
  needs_amp: '#D55E00',
  depends: '#56B4E9',
  unknown: '#999999',
};
/** The legend lists the verdicts drawn, best first. */
const LEGEND_ORDER: readonly Verdict[] = ['fine', 'marginal', 'depends', 'needs_amp'];
const INK = '#1f2328';
const NORMAL_DASH = '4 3';
const LOUD_DASH = '1 2';
const MUTED = '#57606a';
const BAND_FILL = '#eaeef2';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** The text width estimate used for wrapping and truncation. */
const textWidth = (s: string, size: number, weight: keyof typeof GLYPH = 'regular') => s.length * size * GLYPH[weight];

/** Wraps text into lines that fit `width` (at most `maxLines`; the last one ends in "…" when cut). */
export function wrap(
  text: string,
  size: number,
  width: number,
  maxLines: number,
  weight: keyof typeof GLYPH = 'regular',
) {
  const perLine = Math.max(8, Math.floor(width / (size * GLYPH[weight])));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = `${last.slice(0, Math.max(0, perLine - 1)).replace(/\s+\S*$/, '')}…`;
    return kept;
  }
  return lines;
}

function truncate(text: string, size: number, width: number): string {
  const max = Math.floor(width / (size * GLYPH.regular));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

type Attrs = Record<string, string | number | undefined>;

/** One SVG element: attributes in the order given (numbers to one decimal), text escaped. */
export function el(name: string, attrs: Attrs, text?: string): string {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}="${typeof v === 'number' ? n(v) : esc(v as string)}"`)
    .join(' ');
  return text === undefined ? `<${name} ${list}/>` : `<${name} ${list}>${esc(text)}</${name}>`;
}

const label = (x: number, y: number, text: string, extra: Attrs = {}) =>
  el('text', { x, y, 'font-size': MIN_FONT, fill: INK, ...extra }, text);
const polygon = (points: [number, number][]) => `M${points.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}Z`;

/** The marker of a verdict, centred on (x, y): a shape per verdict, so colour is never the only cue. */
export function marker(verdict: Verdict, x: number, y: number): string {
  const paint = { fill: VERDICT_COLORS[verdict], stroke: INK, 'stroke-width': 1 };
  switch (verdict) {
    case 'fine':
      return el('circle', { cx: x, cy: y, r: 5, ...paint });
    case 'marginal':
      return el('path', {
        d: polygon([
          [x, y - 6],
          [x + 6, y + 5],
          [x - 6, y + 5],
        ]),
        ...paint,
      });
    case 'needs_amp':
      return el('rect', { x: x - 5, y: y - 5, width: 10, height: 10, ...paint });
    case 'depends':
      return el('path', {
        d: polygon([
          [x, y - 6],
          [x + 6, y],
          [x, y + 6],
          [x - 6, y],
        ]),
        ...paint,
      });
    case 'unknown':
      return '';
  }
}

/** The axis: from a round level below everything drawn to one above, within the floor and ceiling. */
export function axisOf(chart: LevelChart): { low: number; high: number } {
  const levels = chart.bars.flatMap((b) => [b.lowSpl, b.highSpl]).filter((x): x is number => x !== null);
  const lowest = Math.min(chart.averageSpl - 10, ...levels.map((x) => x - 5));
  const highest = Math.max(chart.loudSpl + 5, ...levels.map((x) => x + 3));
  const low = Math.max(AXIS_FLOOR_SPL, Math.floor(lowest / TICK_DB) * TICK_DB);
  const high = Math.min(AXIS_CEILING_SPL, Math.ceil(highest / TICK_DB) * TICK_DB);
  return { low, high: Math.max(high, low + TICK_DB) };
}

/** "112 dB · fine", "104–118 dB · depends (estimated)". */
export function valueText(bar: ChartBar): string {
  if (bar.lowSpl === null || bar.highSpl === null) return 'no figures';
  const lo = Math.round(bar.lowSpl);
  const hi = Math.round(bar.highSpl);
  const level = lo === hi ? `${lo} dB` : `${lo}–${hi} dB`;
  return `${level} · ${VERDICT_WORDS[bar.verdict]}${bar.estimated ? ' (est.)' : ''}`;
}

/** The chart as an SVG document. */
export function chartSvg(chart: LevelChart): string {
  const plotX = PAD;
  const plotW = WIDTH - 2 * PAD;
  const axis = axisOf(chart);
  const scale = plotW / (axis.high - axis.low);
  const clampSpl = (spl: number) => Math.min(axis.high, Math.max(axis.low, spl));
  const xOf = (spl: number) => plotX + (clampSpl(spl) - axis.low) * scale;
  const out: string[] = [];
  let y = PAD;

  const title = wrap(chart.title, TITLE_FONT, plotW, 2, 'bold');
  for (const line of title) {
    y += TITLE_FONT + 2;
    out.push(label(PAD, y, line, { 'font-size': TITLE_FONT, 'font-weight': 'bold' }));
  }
  y += MIN_FONT + 4;
  const subtitle =
    chart.kind === 'ranking'
      ? `Best first: level at full volume vs ${chart.targetSpl} dB SPL peaks`
      : `Level at full volume vs ${chart.targetSpl} dB SPL peaks`;
  out.push(label(PAD, y, truncate(subtitle, MIN_FONT, plotW), { fill: MUTED }));

  // the target's label above the rows, then the band behind them
  y += MIN_FONT + 10;
  const targetX = xOf(chart.targetSpl);
  const anchor = targetX > WIDTH - 60 ? 'end' : targetX < 60 ? 'start' : 'middle';
  out.push(label(targetX, y, `peak target ${chart.targetSpl}`, { 'font-weight': 'bold', 'text-anchor': anchor }));
  const rowsTop = y + 4;
  const rowsHeight = Math.max(1, chart.bars.length) * ROW_HEIGHT;
  const bandX = xOf(chart.averageSpl);
  out.push(
    el('rect', { class: 'band', x: bandX, y: rowsTop, width: targetX - bandX, height: rowsHeight, fill: BAND_FILL }),
  );

  chart.bars.forEach((bar, i) => {
    const top = rowsTop + i * ROW_HEIGHT;
    const value = valueText(bar);
    const valueW = textWidth(value, MIN_FONT);
    out.push(
      label(plotX, top + MIN_FONT + 2, truncate(bar.label, MIN_FONT, plotW - valueW - 8)),
      label(plotX + plotW, top + MIN_FONT + 2, value, { 'text-anchor': 'end' }),
    );
    if (bar.lowSpl === null || bar.highSpl === null) return;
    const barY = top + MIN_FONT + 8;
    const color = VERDICT_COLORS[bar.verdict];
    const lowX = xOf(bar.lowSpl);
    const highX = xOf(bar.highSpl);
    const strip = { y: barY, height: BAR_HEIGHT, fill: color };
    out.push(el('rect', { class: 'bar', 'data-spl': bar.lowSpl, x: plotX, width: lowX - plotX, ...strip }));
    if (highX - lowX > 0.05)
      out.push(
        el('rect', {
          class: 'range',
          'data-low': bar.lowSpl,
          'data-high': bar.highSpl,
          x: lowX,
          width: highX - lowX,
          ...strip,
          'fill-opacity': 0.35,
          stroke: color,
          'stroke-dasharray': '3 2',
        }),
      );
    out.push(marker(bar.verdict, highX, barY + BAR_HEIGHT / 2));
  });

  // the band's lines across each bar (never through the labels): normal listening (dashed), the target (solid),
  // loud peaks (dotted)
  const rowsBottom = rowsTop + rowsHeight;
  const lines: [number, string, number][] = [
    [chart.averageSpl, NORMAL_DASH, 1],
    [chart.targetSpl, '', 1.5],
    [chart.loudSpl, LOUD_DASH, 1.5],
  ];
  chart.bars.forEach((_, i) => {
    const from = rowsTop + i * ROW_HEIGHT + MIN_FONT + 5;
    const to = i === chart.bars.length - 1 ? rowsBottom : from + BAR_HEIGHT + 6;
    for (const [spl, dash, width] of lines) {
      const x = xOf(spl);
      out.push(
        el('line', { x1: x, y1: from, x2: x, y2: to, stroke: INK, 'stroke-width': width, 'stroke-dasharray': dash }),
      );
    }
  });

  // the axis
  const axisPaint = { stroke: MUTED, 'stroke-width': 1 };
  out.push(el('line', { x1: plotX, y1: rowsBottom, x2: plotX + plotW, y2: rowsBottom, ...axisPaint }));
  y = rowsBottom + MIN_FONT + 6;
  for (let t = axis.low; t <= axis.high; t += TICK_DB) {
    const x = xOf(t);
    const a = t === axis.low ? 'start' : t === axis.high ? 'end' : 'middle';
    out.push(
      el('line', { x1: x, y1: rowsBottom, x2: x, y2: rowsBottom + 4, ...axisPaint }),
      label(x, y, String(t), { fill: MUTED, 'text-anchor': a }),
    );
  }
  y += MIN_FONT + 4;
  out.push(label(WIDTH / 2, y, 'dB SPL', { fill: MUTED, 'text-anchor': 'middle' }));

  // legend: the verdicts drawn, then the band's lines
  const drawn = new Set(chart.bars.map((b) => b.verdict));
  y += MIN_FONT + 8;
  let x = PAD;
  for (const v of LEGEND_ORDER.filter((v) => drawn.has(v))) {
    const word = VERDICT_WORDS[v];
    out.push(marker(v, x + 6, y - 4), label(x + 15, y, word));
    x += 15 + textWidth(word, MIN_FONT) + 14;
  }
  const keys: [string, string][] = [
    [NORMAL_DASH, `normal listening ${chart.averageSpl} dB`],
    [LOUD_DASH, `loud peaks ${chart.loudSpl} dB`],
  ];
  y += MIN_FONT + 8;
  x = PAD;
  for (const [dash, text] of keys) {
    const sample = { y1: y - 4, y2: y - 4, stroke: INK, 'stroke-width': 1.5, 'stroke-dasharray': dash };
    out.push(el('line', { x1: x, x2: x + 18, ...sample }), label(x + 23, y, text));
    x += 23 + textWidth(text, MIN_FONT) + 16;
  }
  for (const footLine of wrap(chart.footnote, MIN_FONT, plotW, 3)) {
    y += MIN_FONT + 4;
    out.push(label(PAD, y, footLine, { fill: MUTED }));
  }
  const height = y + PAD;
  const root =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans">`;
  const background = el('rect', { width: WIDTH, height, fill: '#ffffff' });
  return `${root}\n${background}\n${out.join('\n')}\n</svg>\n`;
}
