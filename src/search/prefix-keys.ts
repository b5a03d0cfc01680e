/**
 * Autocomplete keys: every title and alias without spaces ("hd600"), and the same from each of its next few words on
 * ("600"), in four tiers by rank (title start, alias start, later word of a title, of an alias). A key is a phrase
 * and an offset into that phrase's compact text, so the tiers are typed arrays sorted by the text they point to:
 * a binary search finds what starts with the typed text, at any size, without a string per key.
 */
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

/** Collects keys while phrases are added (from their normalised words), then sorts them into tiers. */
export class PrefixKeyCollector {
  private readonly keys: { phrase: number[]; offset: number[] }[] = TIER_RANK.map(() => ({ phrase: [], offset: [] }));

  add(phrase: number, title: boolean, words: readonly string[]): void {
    this.keys[title ? 0 : 1]!.phrase.push(phrase);
    this.keys[title ? 0 : 1]!.offset.push(0);
    let offset = 0;
    for (let w = 1; w < Math.min(words.length, MAX_WORD_STARTS + 1); w++) {
      offset += words[w - 1]!.length;
      if (offset >= 0xffff) break;
      this.keys[title ? 2 : 3]!.phrase.push(phrase);
      this.keys[title ? 2 : 3]!.offset.push(offset);
    }
  }

  build(phrases: PhraseTable): PrefixKeys {
    return new PrefixKeys(phrases, this.keys);
  }
}

export class PrefixKeys {
  private readonly tiers: Tier[];

  constructor(
    private readonly phrases: PhraseTable,
    keys: readonly { phrase: number[]; offset: number[] }[],
  ) {
    this.tiers = keys.map((k) => this.sorted(k.phrase, k.offset));
  }

  /** Sorts a tier by key text, comparing in place (no string per key, even while sorting). */
  private sorted(phrase: number[], offset: number[]): Tier {
    const compact = this.phrases.compact;
    const order = Int32Array.from(phrase.keys()).sort((a, b) =>
      compareKeys(compact[phrase[a]!]!, offset[a]!, compact[phrase[b]!]!, offset[b]!),
    );
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
      for (
        let i = from;
        i < tier.phrase.length && i - from < MAX_SCAN && ranked.size < wanted && this.startsWith(tier, i, typed);
        i++
      ) {
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
      if (compareKeys(this.phrases.compact[tier.phrase[mid]!]!, tier.offset[mid]!, typed, 0) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Compares a.slice(offsetA) with b.slice(offsetB), as JS string comparison does, without slicing. */
function compareKeys(a: string, offsetA: number, b: string, offsetB: number): number {
  const n = Math.min(a.length - offsetA, b.length - offsetB);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(offsetA + i) - b.charCodeAt(offsetB + i);
    if (d !== 0) return d;
  }
  return a.length - offsetA - (b.length - offsetB);
}
