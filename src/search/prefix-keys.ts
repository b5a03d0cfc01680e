/**
 * Autocomplete keys: every title and alias without spaces ("hd600"), and the same from each of its next few words on
 * ("600"), in four tiers by rank (title start, alias start, later word of a title, of an alias). A key is a phrase
 * and an offset into that phrase's compact text, so the tiers are typed arrays sorted by the text they point to:
 * a binary search finds what starts with the typed text, at any size, without a string per key.
 */
import { normalize } from '../text/normalize.js';
import type { PhraseTable } from './phrases.js';

/** Keys per phrase beyond the whole phrase: the phrase from each of its first words on. */
const MAX_WORD_STARTS = 5;
/** Rank of a match in each tier; an exact match of a whole title or alias ranks one higher. */
const TIER_RANK = [3.5, 3, 2.5, 2] as const;
/** Keys looked at per tier at most (a one-letter prefix matches thousands). */
const MAX_SCAN = 2000;

interface Tier {
  phrase: Int32Array;
  offset: Uint16Array;
}

export class PrefixKeys {
  private readonly tiers: Tier[];

  /** texts(p): the text of phrase p (its document's title or alias). */
  constructor(
    private readonly phrases: PhraseTable,
    texts: (phrase: number) => string,
  ) {
    const keys: { phrase: number[]; offset: number[] }[] = TIER_RANK.map(() => ({ phrase: [], offset: [] }));
    for (let p = 0; p < phrases.size; p++) {
      const title = phrases.isTitle(p);
      keys[title ? 0 : 1]!.phrase.push(p);
      keys[title ? 0 : 1]!.offset.push(0);
      const words = normalize(texts(p)).split(' ');
      let offset = 0;
      for (let w = 1; w < Math.min(words.length, MAX_WORD_STARTS + 1); w++) {
        offset += words[w - 1]!.length;
        if (offset >= 0xffff) break;
        keys[title ? 2 : 3]!.phrase.push(p);
        keys[title ? 2 : 3]!.offset.push(offset);
      }
    }
    this.tiers = keys.map((k) => this.sorted(k.phrase, k.offset));
  }

  /** Sorts a tier by key text (the strings exist only while sorting). */
  private sorted(phrase: number[], offset: number[]): Tier {
    const text = phrase.map((p, i) => this.phrases.compact[p]!.slice(offset[i]));
    const order = Array.from(text.keys()).sort((a, b) => (text[a]! < text[b]! ? -1 : text[a]! > text[b]! ? 1 : 0));
    return { phrase: Int32Array.from(order, (i) => phrase[i]!), offset: Uint16Array.from(order, (i) => offset[i]!) };
  }

  /**
   * Documents with a key starting with `typed` (compact text), best rank kept per document: exact titles and aliases
   * first, then tiers in rank order until `wanted` documents are found.
   */
  matches(typed: string, ok: (doc: number) => boolean, wanted = 60): Map<number, number> {
    const ranked = new Map<number, number>();
    const owner = this.phrases.owner;
    for (let t = 0; t < 2; t++) {
      const tier = this.tiers[t]!;
      for (let i = this.lowerBound(tier, typed); i < tier.phrase.length && this.keyAt(tier, i) === typed; i++) {
        const doc = owner[tier.phrase[i]!]!;
        if (ok(doc) && !ranked.has(doc)) ranked.set(doc, TIER_RANK[t]! + 1);
      }
    }
    this.tiers.forEach((tier, t) => {
      if (ranked.size >= wanted) return;
      const from = this.lowerBound(tier, typed);
      for (let i = from; i < tier.phrase.length && i - from < MAX_SCAN && ranked.size < wanted && this.startsWith(tier, i, typed); i++) {
        const doc = owner[tier.phrase[i]!]!;
        if (ok(doc) && !ranked.has(doc)) ranked.set(doc, TIER_RANK[t]!);
      }
    });
    return ranked;
  }

  private keyAt(tier: Tier, i: number): string {
    return this.phrases.compact[tier.phrase[i]!]!.slice(tier.offset[i]!);
  }

  private startsWith(tier: Tier, i: number, typed: string): boolean {
    return this.phrases.compact[tier.phrase[i]!]!.startsWith(typed, tier.offset[i]!);
  }

  /** The first key not less than `typed` (keys compared as strings, without building them). */
  private lowerBound(tier: Tier, typed: string): number {
    let lo = 0;
    let hi = tier.phrase.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareFrom(this.phrases.compact[tier.phrase[mid]!]!, tier.offset[mid]!, typed) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Compares text.slice(offset) with other, as JS string comparison does, without slicing. */
function compareFrom(text: string, offset: number, other: string): number {
  const n = Math.min(text.length - offset, other.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(offset + i) - other.charCodeAt(i);
    if (d !== 0) return d;
  }
  return text.length - offset - other.length;
}
