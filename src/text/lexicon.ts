/**
 * The domain lexicon in use (knowledge/lexicon.yaml): synonyms to one spelling, multi-word phrases to one word, and
 * concept groups that add evidence. Every ranker reads topics and questions through the same lexicon.
 */
import { normalize } from './normalize.js';

export interface LexiconSource {
  synonyms: Record<string, string[]>;
  phrases: { say: string; as: string }[];
  groups: Record<string, string[]>;
}

export class Lexicon {
  private readonly synonyms = new Map<string, string>();
  /** Every phrase in one alternation (longest first), and what each becomes. */
  private readonly phraseRe: RegExp | null;
  private readonly phraseAs = new Map<string, string>();
  private readonly groupOf = new Map<string, string[]>();
  /** One-word names for multi-word domain terms ("ground loop" → groundloop): the words no single word says. */
  private readonly terms = new Set<string>();

  constructor(source: LexiconSource = { synonyms: {}, phrases: [], groups: {} }) {
    for (const [canonical, variants] of Object.entries(source.synonyms))
      for (const v of variants) this.synonyms.set(v, canonical);
    // Longest phrases first, so "can barely hear" wins over "barely hear".
    const says = [...source.phrases].sort((a, b) => b.say.length - a.say.length);
    for (const p of says) {
      this.phraseAs.set(normalize(p.say), p.as);
      // A term is the phrase's own words run together ("ground loop" → groundloop, "usb c" → usbc), not an
      // ordinary word a phrase is rewritten to ("hook up" → connect, "not loud enough" → quiet).
      const said = normalize(p.say).split(' ');
      const joined = said.join('');
      if (said.length > 1 && (joined.startsWith(p.as) || p.as.startsWith(joined)) && !said.includes(p.as))
        this.terms.add(p.as);
    }
    // A phrase ending in a letter also matches its plural ("ground loops", "line outs").
    const alternation = [...this.phraseAs.keys()]
      .map((k) => k.replace(/[.+/]/g, '\\$&') + (/[a-z]$/.test(k) ? '(?:e?s)?' : ''))
      .join('|');
    this.phraseRe = alternation ? new RegExp(`(?<![a-z0-9])(?:${alternation})(?![a-z0-9])`, 'g') : null;
    for (const [group, members] of Object.entries(source.groups)) {
      for (const m of members) this.groupOf.set(m, [...(this.groupOf.get(m) ?? []), group]);
    }
  }

  /** A normalised text with multi-word phrases rewritten to their word ("hook up the mic" → "connect the mic"). */
  rewrite(normalized: string): string {
    return this.phraseRe
      ? normalized.replace(
          this.phraseRe,
          (m) => this.phraseAs.get(m) ?? this.phraseAs.get(m.slice(0, -1)) ?? this.phraseAs.get(m.slice(0, -2)) ?? m,
        )
      : normalized;
  }

  /** True for a word the lexicon coined for a multi-word term ("groundloop", "directmonitor", "outputimpedance"). */
  isTerm(token: string): boolean {
    return this.terms.has(token);
  }

  /** The canonical spelling of a word (itself when it has none). */
  canonical(word: string): string | undefined {
    return this.synonyms.get(word);
  }

  /** The concept groups a (canonical) token belongs to. */
  groups(token: string): readonly string[] {
    return this.groupOf.get(token) ?? [];
  }
}

/** No synonyms, phrases or groups: what a knowledge base without a lexicon file gets. */
export const EMPTY_LEXICON = new Lexicon();
