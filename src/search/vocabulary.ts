/**
 * The index's vocabulary: document frequencies for IDF weights, and typo-tolerant lookup of query words
 * ("headfones" → "headphone") through fuse.js over the known words.
 */
import Fuse from 'fuse.js';
import { distance } from 'fastest-levenshtein';
import { QUESTION_WORDS, QUESTION_WORD_WEIGHT, stem } from '../text/tokens.js';

export interface TermMatch {
  term: string;
  /** 1 for an exact (stemmed) match, less for a fuzzy one. */
  similarity: number;
}

/** No single rare word may dominate a score (ln(1+N/1.5) for N≈50 documents is ≈3.5). */
const IDF_CAP = 3;
/** How much a corrected spelling counts, by edit distance between sound-alike keys. */
const SIMILARITY_BY_DISTANCE = [0.95, 0.8, 0.65];

/** A spelling key that forgives the usual phonetic slips: ph/f, doubled letters, ie/ei. */
function soundKey(word: string): string {
  return word.replace(/ph/g, 'f').replace(/ei/g, 'ie').replace(/(.)\1+/g, '$1');
}
const UNKNOWN_WEIGHT = 1.5;

export class Vocabulary {
  private readonly docFreq = new Map<string, number>();
  private docs = 0;
  private fuse: Fuse<string> | null = null;
  private readonly cache = new Map<string, TermMatch[]>();

  addDocument(terms: Iterable<string>): void {
    this.docs += 1;
    for (const t of new Set(terms)) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
    this.fuse = null;
    this.cache.clear();
  }

  has(term: string): boolean {
    return this.docFreq.has(term);
  }

  /** Inverse document frequency (BM25 form, always > 0). Unknown terms get the rarest weight. */
  idf(term: string): number {
    const df = this.docFreq.get(term) ?? 0;
    const idf = Math.min(IDF_CAP, Math.log(1 + (this.docs - df + 0.5) / (df + 0.5)));
    return QUESTION_WORDS.has(term) ? idf * QUESTION_WORD_WEIGHT : idf;
  }

  /** The weight of a query word the knowledge never uses: it lowers coverage, but less than the rarest known word. */
  unknownWeight(): number {
    return UNKNOWN_WEIGHT;
  }

  /** Known terms a query word may mean: itself, or up to two close spellings. */
  lookup(word: string): TermMatch[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    let result: TermMatch[] = [];
    const stemmed = stem(word);
    if (this.docFreq.has(stemmed)) result = [{ term: stemmed, similarity: 1 }];
    else if (stemmed.length >= 4 && !/\d/.test(stemmed)) {
      // fuse.js proposes candidates; an edit distance on a sound-alike key decides ("headfone" → "headphone").
      this.fuse ??= new Fuse([...this.docFreq.keys()].filter((t) => t.length >= 3), { includeScore: true, threshold: 0.45, ignoreLocation: true, minMatchCharLength: 3 });
      const key = soundKey(stemmed);
      const allowed = stemmed.length >= 8 ? 2 : stemmed.length >= 5 ? 1 : 0;
      const scored = this.fuse
        .search(stemmed, { limit: 10 })
        .map((r) => ({ term: r.item, d: distance(key, soundKey(r.item)) }))
        .filter((c) => c.d <= allowed)
        .sort((a, b) => a.d - b.d);
      const bestD = scored[0]?.d;
      result = scored
        .filter((c) => c.d === bestD)
        .slice(0, 2)
        .map((c) => ({ term: c.term, similarity: SIMILARITY_BY_DISTANCE[c.d] ?? 0 }));
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }
}
