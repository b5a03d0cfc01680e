/**
 * The headroom chart of a drive check as a Discord attachment: the PNG uploaded with the reply and shown as the
 * embed's image, with the bars in words as its alt text. Drawing it can fail (a renderer error, an odd figure): the
 * text answer goes out without it, and the failure is logged.
 */
import { AttachmentBuilder } from 'discord.js';
import type { LevelChart } from '../answer/types.js';
import type { Logger } from '../logger.js';
import { chartSvg, valueText } from '../render/chart-svg.js';
import { svgToPng } from '../render/chart-png.js';
import { clamp } from './limits.js';

export const CHART_FILE = 'headroom-chart.png';
/** Discord's limit on an attachment's description (its alt text). */
const ALT_TEXT_MAX = 1024;

/** "Sennheiser HD 600 on …: Headphone out 112 dB · fine; …" — what the picture shows, for screen readers. */
export function altText(chart: LevelChart): string {
  const bars = chart.bars.map((b) => `${b.label} ${valueText(b)}`).join('; ');
  return clamp(`Headroom chart, ${chart.title}, against ${chart.targetSpl} dB SPL peaks: ${bars}`, ALT_TEXT_MAX);
}

export function chartAttachment(
  chart: LevelChart,
  logger?: Pick<Logger, 'warn'>,
): { file: AttachmentBuilder; url: string } | null {
  try {
    const png = svgToPng(chartSvg(chart));
    return {
      file: new AttachmentBuilder(png, { name: CHART_FILE, description: altText(chart) }),
      url: `attachment://${CHART_FILE}`,
    };
  } catch (err) {
    logger?.warn({ err, chart: chart.title }, 'chart not drawn; answering without it');
    return null;
  }
}
