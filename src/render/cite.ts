/**
 * How a figure's source is shown: its basis in words, who measured it, and the host of the page read — so an
 * answer says "measured by AudioScienceReview, via github.com" rather than a bare label.
 */
import type { Basis } from '../knowledge/index.js';

export interface Citable {
  url: string;
  basis: Basis;
  by?: string | undefined;
  via?: string | undefined;
  conditions?: string | undefined;
}

const BASIS_WORDS: Record<Basis, string> = {
  maker: 'maker',
  'maker-quoted': 'maker figure, quoted',
  measured: 'measured',
  'second-hand': 'second-hand',
};

/** The page's host without "www." ("audiosciencereview.com"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** "measured by AudioScienceReview · github.com", "maker figure, quoted · soundonsound.com". */
export function citeLabel(f: Citable): string {
  const who = f.basis === 'measured' && f.by ? `${BASIS_WORDS[f.basis]} by ${f.by}` : BASIS_WORDS[f.basis];
  return `${who}${f.conditions ? `, ${f.conditions}` : ''} · ${hostOf(f.url)}`;
}

/** A Markdown link whose text is the label. */
export function citeLink(f: Citable): string {
  return `[${citeLabel(f)}](${f.url})`;
}
