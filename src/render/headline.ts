/** An answer's emphasis in Markdown (console, CLI and Discord alike): headline leads and math results in bold. */

/** The headline: the lead in bold, then the detail. */
import type { Headline, MathStep } from '../answer/types.js';

export const headlineMarkdown = (h: Headline) => (h.detail ? `**${h.lead}** ${h.detail}` : `**${h.lead}**`);

/** A "Show the math" step in Markdown: its results in bold. */
export const mathStepMarkdown = (step: MathStep) =>
  step.map((part) => (typeof part === 'string' ? part : `**${part.result}**`)).join('');
