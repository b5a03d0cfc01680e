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

  constructor(source: LexiconSource = { synonyms: {}, phrases: [], groups: {} }) {
    for (const [canonical, variants] of Object.entries(source.synonyms)) for (const v of variants) this.synonyms.set(v, canonical);
    // Longest phrases first, so "can barely hear" wins over "barely hear".
    const says = [...source.phrases].sort((a, b) => b.say.length - a.say.length);
    for (const p of says) this.phraseAs.set(normalize(p.say), p.as);
    const alternation = [...this.phraseAs.keys()].map((k) => k.replace(/[.+/]/g, '\\$&')).join('|');
    this.phraseRe = alternation ? new RegExp(`(?<![a-z0-9])(?:${alternation})(?![a-z0-9])`, 'g') : null;
    for (const [group, members] of Object.entries(source.groups)) {
      for (const m of members) this.groupOf.set(m, [...(this.groupOf.get(m) ?? []), group]);
    }
  }

  /** A normalised text with multi-word phrases rewritten to their word ("hook up the mic" → "connect the mic"). */
  rewrite(normalized: string): string {
    return this.phraseRe ? normalized.replace(this.phraseRe, (m) => this.phraseAs.get(m) ?? m) : normalized;
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
