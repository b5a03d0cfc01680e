/**
 * A chart that cannot be drawn never blocks the answer: the renderer is made to fail (the one thing faked here) and
 * the reply still carries the full text answer, without an image or a file, and the failure is logged.
 */
import { describe, expect, it, vi } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { answerPayload } from '../../src/discord/reply.js';
import { altText } from '../../src/discord/chart-attachment.js';
import type { PairMatchAnswer } from '../../src/answer/types.js';

vi.mock('../../src/render/chart-png.js', () => ({
  svgToPng: () => {
    throw new Error('renderer exploded');
  },
}));

const brain = new Brain(loadKnowledge());

describe('chart attachment', () => {
  it('answers without the chart when drawing it fails, and logs why', () => {
    const answer = brain.match({ headphone: 'hd 600', source: 'scarlett 2i2 4th gen' }) as PairMatchAnswer;
    expect(answer.chart).not.toBeNull();
    const warn = vi.fn();
    const payload = answerPayload(answer, { logger: { warn } as never });
    expect(payload.files).toBeUndefined();
    const embed = (payload.embeds as { data: { image?: unknown; description?: string } }[])[0]!;
    expect(embed.data.image).toBeUndefined();
    expect(embed.data.description).toMatch(/^\*\*Yes/);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![1])).toMatch(/chart not drawn/);
  });

  it('describes the bars in words for screen readers', () => {
    const answer = brain.match({ headphone: 'hd 600', source: 'scarlett 2i2 4th gen' }) as PairMatchAnswer;
    expect(altText(answer.chart!)).toMatch(
      /^Headroom chart, Sennheiser HD 600 on Focusrite Scarlett 2i2 4th Gen, .*\d+ dB · /,
    );
  });
});
