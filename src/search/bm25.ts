/**
 * BM25+ over a few weighted fields, packed into typed arrays and built once. It scores exactly as MiniSearch 7 does
 * (same formula, field lengths = distinct words per field, a document's score multiplied by how many distinct query
 * words it matched, ties in first-touched order — test/search/bm25.test.ts checks it against MiniSearch itself), but
 * at a fraction of the cost: no Map per word and field, no result objects for every document touched, and only the
 * best `limit` are ordered. MiniSearch stays the reference and the library baseline in `npm run eval`.
 *
 * Knobs (MiniSearch's defaults): K = 1.2 (how fast repeated words saturate), B = 0.7 (how much a long field is
 * discounted), D = 0.5 (the BM25+ floor every match earns).
 */
import { topK } from './top-k.js';

export const BM25_PARAMS = { k: 1.2, b: 0.7, d: 0.5 } as const;

export interface Bm25Hit {
  doc: number;
  score: number;
}

export class Bm25Index {
  private readonly words = new Map<string, number>();
  /** Word w's postings: doc/field/term-frequency triples at post[start[w]*3 …]. */
  private readonly start: Int32Array;
  private readonly post: Int32Array;
  /** Distinct words per (doc, field): fieldLength[doc * F + f]. */
  private readonly fieldLength: Int32Array;
  private readonly avgFieldLength: Float64Array;
  /** Documents containing word w in field f: matching[w * F + f]. */
  private readonly matching: Int32Array;
  private readonly docCount: number;
  private readonly boosts: Float64Array;
  // Scratch reused by every search (a search runs to completion before the next starts).
  private readonly score: Float64Array;
  private readonly matched: Int32Array;
  private readonly touchedAt: Float64Array;
  private readonly lastWord: Float64Array;
  private generation = 0;
  private wordSerial = 0;

  /**
   * @param docs each document's fields as token lists, in `fields` order
   * @param boosts each field's weight, in `fields` order
   */
  constructor(docs: readonly (readonly string[])[][], boosts: readonly number[]) {
    const F = boosts.length;
    this.boosts = Float64Array.from(boosts);
    this.docCount = docs.length;
    this.fieldLength = new Int32Array(docs.length * F);
    this.avgFieldLength = new Float64Array(F);
    // word → list of [doc, field, tf], gathered in document order, then packed.
    const lists: number[][] = [];
    docs.forEach((fields, doc) => {
      for (let f = 0; f < F; f++) {
        const tokens = fields[f] ?? [];
        const tf = new Map<string, number>();
        for (const t of tokens) if (t) tf.set(t, (tf.get(t) ?? 0) + 1);
        const length = new Set(tokens).size;
        this.fieldLength[doc * F + f] = length;
        // The same running mean MiniSearch keeps, so averages agree to the last bit.
        this.avgFieldLength[f] = (this.avgFieldLength[f]! * doc + length) / (doc + 1);
        for (const [t, n] of tf) {
          let w = this.words.get(t);
          if (w === undefined) {
            w = this.words.size;
            this.words.set(t, w);
            lists.push([]);
          }
          lists[w]!.push(doc, f, n);
        }
      }
    });
    this.start = new Int32Array(lists.length + 1);
    for (let w = 0; w < lists.length; w++) this.start[w + 1] = this.start[w]! + lists[w]!.length / 3;
    this.post = new Int32Array(this.start[lists.length]! * 3);
    this.matching = new Int32Array(lists.length * F);
    lists.forEach((l, w) => {
      this.post.set(l, this.start[w]! * 3);
      for (let j = 1; j < l.length; j += 3) this.matching[w * F + l[j]!]! += 1;
    });
    this.score = new Float64Array(docs.length);
    this.matched = new Int32Array(docs.length);
    this.touchedAt = new Float64Array(docs.length).fill(-1);
    this.lastWord = new Float64Array(docs.length);
  }

  /** The best `limit` documents for query words with their weights (a word's count in the question), best first. */
  search(terms: ReadonlyMap<string, number>, limit: number): Bm25Hit[] {
    const F = this.boosts.length;
    const { k, b, d } = BM25_PARAMS;
    const gen = ++this.generation;
    const touched: number[] = [];
    for (const [term, weight] of terms) {
      const w = this.words.get(term);
      if (w === undefined) continue;
      const wordSerial = ++this.wordSerial;
      // Fields in order, documents ascending within a field: the order MiniSearch first meets them in.
      for (let f = 0; f < F; f++) {
        const n = this.matching[w * F + f]!;
        if (n === 0) continue;
        const idf = Math.log(1 + (this.docCount - n + 0.5) / (n + 0.5));
        const avg = this.avgFieldLength[f]!;
        const scale = weight * this.boosts[f]!;
        for (let j = this.start[w]! * 3, end = this.start[w + 1]! * 3; j < end; j += 3) {
          if (this.post[j + 1] !== f) continue;
          const doc = this.post[j]!;
          const tf = this.post[j + 2]!;
          const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * this.fieldLength[doc * F + f]!) / avg)));
          if (this.touchedAt[doc] !== gen) {
            this.touchedAt[doc] = gen;
            this.score[doc] = 0;
            this.matched[doc] = 0;
            touched.push(doc);
          }
          this.score[doc]! += scale * raw;
          // Distinct query words matched: a word counts once, in however many fields it occurs.
          if (this.lastWord[doc] !== wordSerial) {
            this.lastWord[doc] = wordSerial;
            this.matched[doc]! += 1;
          }
        }
      }
    }
    const final = new Float64Array(touched.length);
    touched.forEach((doc, i) => {
      final[i] = this.score[doc]! * Math.max(1, this.matched[doc]!);
    });
    const order = touched.map((_, i) => i);
    return topK(order, final, limit)
      .sort((x, y) => final[y]! - final[x]! || x - y)
      .map((i) => ({ doc: touched[i]!, score: final[i]! }));
  }
}
