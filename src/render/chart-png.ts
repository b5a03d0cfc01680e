/**
 * SVG → PNG with resvg (a Rust renderer shipped prebuilt in the npm registry): no browser, and only the fonts bundled
 * in src/render/fonts (DejaVu Sans Condensed; licence beside them), never the machine's, so every machine draws the
 * same pixels.
 */
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PROJECT_ROOT } from '../paths.js';

/** Knob: the PNG's width in pixels (2× the drawing's width: sharp on high-density screens). */
export const PNG_WIDTH = 800;

export const FONT_FILES = ['DejaVuSansCondensed.ttf', 'DejaVuSansCondensed-Bold.ttf'].map((f) =>
  join(PROJECT_ROOT, 'src', 'render', 'fonts', f),
);

export function svgToPng(svg: string, width = PNG_WIDTH): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
