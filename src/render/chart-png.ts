/**
 * SVG → PNG with resvg (a Rust renderer shipped prebuilt in the npm registry): no browser, and only the fonts bundled
 * in src/render/fonts (DejaVu Sans Condensed; licence beside them), never the machine's, so every machine draws the
 * same pixels.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { PROJECT_ROOT } from '../paths.js';

/** The native renderer, loaded on the first chart (not at start: the console and the bot start without it). */
let Resvg: typeof ResvgClass | null = null;
const renderer = () => {
  Resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  return Resvg;
};

/** Knob: the PNG's width in pixels (2× the drawing's width: sharp on high-density screens). */
export const PNG_WIDTH = 800;

export const FONT_FILES = ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'].map((f) =>
  join(PROJECT_ROOT, 'src', 'render', 'fonts', f),
);

export function svgToPng(svg: string, width = PNG_WIDTH): Buffer {
  const resvg = new (renderer())(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
