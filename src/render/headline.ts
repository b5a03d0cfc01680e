/** An answer's emphasis in Markdown (console, CLI and Discord alike): headline leads and math results in bold. */

/** The headline: the lead in bold, then the detail. */
import type { FaqAnswer, Headline, MathStep } from '../answer/types.js';

export const headlineMarkdown = (h: Headline) => (h.detail ? `**${h.lead}** ${h.detail}` : `**${h.lead}**`);

/** A "Show the math" step in Markdown: its results in bold. */
export const mathStepMarkdown = (step: MathStep) =>
  step.map((part) => (typeof part === 'string' ? part : `**${part.result}**`)).join('');

/** Knob: how many runner-up topics an uncertain FAQ answer names. */
const HEDGE_TOPICS = 2;

/** For a FAQ answer that is only the closest topic found: the sentence that says so and names the runners-up. */
export function uncertainNote(answer: FaqAnswer): string | null {
  if (answer.certain) return null;
  const others = answer.alternatives.slice(0, HEDGE_TOPICS).map((t) => t.title);
  const also = others.length ? ` Also close: ${others.join(' · ')}` : '';
  return `This is the closest topic I found, and it may not be what you asked.${also}`;
}
