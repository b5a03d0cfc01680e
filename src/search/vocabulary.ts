/**
 * The index's vocabulary: IDF word weights, and typo-tolerant lookup of query words
 * ("headfones" → "headphone") through fuse.js over the known words.
 */
import Fuse from 'fuse.js';
import { distance } from 'fastest-levenshtein';
import { QUESTION_WORDS, QUESTION_WORD_WEIGHT, stem } from '../text/tokens.js';

export interface TermMatch {
  term: string;
  /** The word's id in the index. */
  id: number;
  /** 1 for an exact (stemmed) match, less for a fuzzy one. */
  similarity: number;
}

/** No single rare word may dominate a score (ln(1+N/1.5) for N≈50 documents is ≈3.5). */
const IDF_CAP = 3;
/** How much a corrected spelling counts, by edit distance between sound-alike keys. */
const SIMILARITY_BY_DISTANCE = [0.95, 0.8, 0.65];
/** The weight of a query word the knowledge never uses: it lowers coverage, but less than the rarest known word. */
export const UNKNOWN_WEIGHT = 1.5;

/** Inverse document frequency (BM25 form, always > 0) of every word, from its document frequency. */
export function idfWeights(ids: ReadonlyMap<string, number>, docFreq: Int32Array, docs: number): Float64Array {
  const out = new Float64Array(docFreq.length);
  for (const [term, id] of ids) {
    const df = docFreq[id]!;
    const idf = Math.min(IDF_CAP, Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
    out[id] = QUESTION_WORDS.has(term) ? idf * QUESTION_WORD_WEIGHT : idf;
  }
  return out;
}

function trigramsOf(word: string): Set<string> {
  const padded = ` ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** A spelling key that forgives the usual phonetic slips: ph/f, doubled letters, ie/ei. */
function soundKey(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/ei/g, 'ie')
    .replace(/(.)\1+/g, '$1');
}

export class Vocabulary {
  private trigrams: Map<string, string[]> | null = null;
  private readonly cache = new Map<string, TermMatch[]>();

  /** ids: every word of every field, with its id in the index. */
  constructor(private readonly ids: ReadonlyMap<string, number>) {}

  /** Builds the trigram pre-filter now instead of on the first typo. */
  prepare(): void {
    this.similarWords('zzzz');
  }

  /** Up to 40 known words sharing the most letter trigrams with the word (only words of 3+ letters, no digits). */
  private similarWords(word: string): string[] {
    if (!this.trigrams) {
      this.trigrams = new Map();
      for (const t of this.ids.keys()) {
        if (t.length < 3 || /\d/.test(t)) continue;
        for (const g of trigramsOf(t)) {
          const list = this.trigrams.get(g);
          if (list) list.push(t);
          else this.trigrams.set(g, [t]);
        }
      }
    }
    const shared = new Map<string, number>();
    for (const g of trigramsOf(word))
      for (const t of this.trigrams.get(g) ?? []) shared.set(t, (shared.get(t) ?? 0) + 1);
    return [...shared.entries()]
      .filter(([t, n]) => n >= 2 && Math.abs(t.length - word.length) <= 3)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([t]) => t);
  }

  has(term: string): boolean {
    return this.ids.has(term);
  }

  /** Known terms a query word may mean: itself, or up to two close spellings. */
  lookup(word: string): TermMatch[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    let result: TermMatch[] = [];
    const stemmed = stem(word);
    const exact = this.ids.get(stemmed);
    if (exact !== undefined) result = [{ term: stemmed, id: exact, similarity: 1 }];
    else if (stemmed.length >= 4 && !/\d/.test(stemmed)) {
      // A trigram pre-filter finds words that share letters; fuse.js ranks those few; an edit distance on a
      // sound-alike key decides ("headfone" → "headphone").
      const pool = this.similarWords(stemmed);
      const fuse = new Fuse(pool, { includeScore: true, threshold: 0.45, ignoreLocation: true, minMatchCharLength: 3 });
      const key = soundKey(stemmed);
      const allowed = stemmed.length >= 8 ? 2 : stemmed.length >= 5 ? 1 : 0;
      const scored = fuse
        .search(stemmed, { limit: 10 })
        .map((r) => ({ term: r.item, d: distance(key, soundKey(r.item)) }))
        .filter((c) => c.d <= allowed)
        .sort((a, b) => a.d - b.d);
      const bestD = scored[0]?.d;
      result = scored
        .filter((c) => c.d === bestD)
        .slice(0, 2)
        .map((c) => ({ term: c.term, id: this.ids.get(c.term)!, similarity: SIMILARITY_BY_DISTANCE[c.d] ?? 0 }));
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }
}
