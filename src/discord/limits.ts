/** Clamping text to Discord's limits, so no reply fails with error 50035. */
import { EMBED_LIMITS } from '../knowledge/limits.js';

export { EMBED_LIMITS };

/** Cuts text to a length on a line or word boundary, with a visible ellipsis. */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const at = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).trimEnd()}…`;
}

/** An autocomplete choice: name and value 1–100 characters. */
export function choice(name: string, value: string): { name: string; value: string } {
  return { name: clamp(name, EMBED_LIMITS.choiceName) || '…', value: value.slice(0, EMBED_LIMITS.choiceName) || '-' };
}
