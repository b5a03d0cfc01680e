/**
 * A multinomial naive Bayes classifier over every phrasing of a topic — its title, aliases, example questions, tags
 * and (weighted least) its answer — so a question is scored by all the ways people have asked it, not by its single
 * best alias. Trained when the index is built (deterministic: no randomness, no download), rebuilt with the index.
 *
 * Features of a text (read through the domain lexicon): its content words, adjacent content-word pairs, and the
 * lexicon's concept groups (`~drive` for "power", "push", "run"…). A query word the classifier has never seen is
 * mapped to a known word one or two edits away (a typo), else ignored.
 *
 * Tuning knobs (CLASSIFIER_DEFAULTS): meaning, range, default —
 * - `alpha` (0.01–2, 0.3): additive smoothing; lower trusts rare features more.
 * - `pairWeight` (0–1, 0.5): how much an adjacent word pair counts against a single word.
 * - `groupWeight` (0–1, 0.35): how much a concept-group feature counts.
 * - `termWeight` (1–3, 2): how much more a query's multi-word domain term counts ("ground loop", "output
 *   impedance", "direct monitoring" — the lexicon's coined words) than a single word: it names the concept asked
 *   about, where a single word ("dac", "interface") often only names the gear.
 * - `idf` (true): weigh features by ln(1 + topics / topics using it), in training and in queries.
 * - `normalizeTexts` (false): cap each training text's weight, so a long example counts as much as a short one.
 * - `weights` — title 3, alias 2, example 1.5, tag 1, body 0.25: how much each kind of training text counts.
 */
import { distance } from 'fastest-levenshtein';
import { LRUCache } from 'lru-cache';
import { EMPTY_LEXICON, type Lexicon } from '../text/lexicon.js';
import { contentTokens } from '../text/tokens.js';
import { topK } from './top-k.js';

/** Knob: how many typo corrections the classifier remembers. */
const TYPO_CACHE_SIZE = 5000;

/** A token that is a number (with decimals, or a unit glued on: "32", "1.2", "250ohm" stays a word). */
const NUMBER = /^\d+(?:\.\d+)?$/;

export interface ClassifierOptions {
  alpha: number;
  pairWeight: number;
  groupWeight: number;
  termWeight: number;
  /** Scale each training text to the same total weight (a long example counts as much as a short one). */
  normalizeTexts: boolean;
  /** Weigh features by their inverse document frequency across topics (words every topic uses count less). */
  idf: boolean;
  weights: { title: number; alias: number; example: number; tag: number; body: number };
}

export const CLASSIFIER_DEFAULTS: ClassifierOptions = {
  alpha: 0.3,
  pairWeight: 0.5,
  groupWeight: 0.35,
  termWeight: 2,
  normalizeTexts: false,
  idf: true,
  weights: { title: 3, alias: 2, example: 1.5, tag: 1, body: 0.25 },
};

export interface ClassifierDoc {
  id: string;
  title: string;
  aliases: readonly string[];
  examples: readonly string[];
  tags: readonly string[];
  body: string;
}

export interface ClassHit {
  /** Index of the document. */
  doc: number;
  /** Posterior probability among all documents (softmax of the log scores). */
  prob: number;
  logScore: number;
}

export class TopicClassifier {
  private readonly options: ClassifierOptions;
  /**
   * Per feature, packed: the documents that saw feature f are docs[start[f] … start[f + 1] − 1], each with
   * log P(f|d) − log P(unseen|d) in boost at the same place (one Map entry per feature, no arrays per feature).
   */
  private readonly featureIds = new Map<string, number>();
  private readonly start: Int32Array;
  private readonly docs: Int32Array;
  private readonly boost: Float64Array;
  /** log P(unseen feature | d) per document. */
  private readonly unseen: Float64Array;
  private readonly words: string[];
  /** Typo corrections already looked up (the least recently used go first). */
  private readonly typoCache = new LRUCache<string, { word: string | null }>({ max: TYPO_CACHE_SIZE });
  /** Query-side weight of each feature id: ln(1 + topics / topics using it), or 1 without idf. */
  private readonly idf: Float64Array;
  /** Per-query feature boosts per document, reused between queries (reset after each). */
  private readonly scratch: Float64Array;
  readonly size: number;

  constructor(
    docs: readonly ClassifierDoc[],
    private readonly lexicon: Lexicon = EMPTY_LEXICON,
    options: Partial<ClassifierOptions> = {},
  ) {
    this.options = {
      ...CLASSIFIER_DEFAULTS,
      ...options,
      weights: { ...CLASSIFIER_DEFAULTS.weights, ...options.weights },
    };
    this.size = docs.length;
    const w = this.options.weights;
    const counts: Map<string, number>[] = docs.map((d) => {
      const c = new Map<string, number>();
      const add = (text: string, weight: number, pairs = true) => {
        const fs = this.features(text, pairs);
        let total = 0;
        for (const n of fs.values()) total += n;
        const scale = this.options.normalizeTexts && total > 0 ? Math.min(1, 6 / total) : 1;
        for (const [f, n] of fs) c.set(f, (c.get(f) ?? 0) + n * weight * scale);
      };
      add(d.title, w.title);
      for (const a of d.aliases) add(a, w.alias);
      for (const e of d.examples) add(e, w.example);
      for (const t of d.tags) add(t, w.tag);
      add(d.body, w.body, false);
      return c;
    });
    const vocabulary = new Set<string>();
    const df = new Map<string, number>();
    for (const c of counts)
      for (const f of c.keys()) {
        vocabulary.add(f);
        df.set(f, (df.get(f) ?? 0) + 1);
      }
    if (this.options.idf) {
      for (const c of counts) for (const [f, n] of c) c.set(f, n * Math.log(1 + docs.length / (df.get(f) ?? 1)));
    }
    const v = Math.max(1, vocabulary.size);
    const alpha = this.options.alpha;
    this.unseen = new Float64Array(docs.length);
    this.scratch = new Float64Array(docs.length);
    // Two passes: count each feature's documents, then fill the packed runs in document order.
    for (const c of counts)
      for (const f of c.keys()) if (!this.featureIds.has(f)) this.featureIds.set(f, this.featureIds.size);
    const nf = this.featureIds.size;
    this.start = new Int32Array(nf + 1);
    for (const c of counts) for (const f of c.keys()) this.start[this.featureIds.get(f)! + 1]! += 1;
    for (let f = 0; f < nf; f++) this.start[f + 1]! += this.start[f]!;
    this.docs = new Int32Array(this.start[nf]!);
    this.boost = new Float64Array(this.start[nf]!);
    const fill = this.start.slice(0, nf);
    this.idf = new Float64Array(nf).fill(1);
    if (this.options.idf)
      for (const [f, id] of this.featureIds) this.idf[id] = Math.log(1 + docs.length / (df.get(f) ?? docs.length));
    counts.forEach((c, d) => {
      let total = 0;
      for (const n of c.values()) total += n;
      const denom = Math.log(total + alpha * v);
      this.unseen[d] = Math.log(alpha) - denom;
      for (const [f, n] of c) {
        const at = fill[this.featureIds.get(f)!]!++;
        this.docs[at] = d;
        this.boost[at] = Math.log(n + alpha) - Math.log(alpha);
      }
    });
    this.words = [...vocabulary].filter((f) => !f.includes(' ') && !f.startsWith('~') && f.length >= 4);
  }

  /** The features of a text with their counts: content words, adjacent pairs, concept groups. */
  features(text: string, pairs = true): Map<string, number> {
    const out = new Map<string, number>();
    const add = (f: string, n: number) => out.set(f, (out.get(f) ?? 0) + n);
    // A figure's value says little about the topic ("32 ohm" is asked about under impedance, power, matching…);
    // its unit does. Numbers become one feature, "#", so "32 ohm" and "300 ohm" are the same question shape.
    const tokens = contentTokens(text, this.lexicon).map((t) => (NUMBER.test(t) ? '#' : t));
    tokens.forEach((t, i) => {
      add(t, 1);
      const prev = tokens[i - 1];
      if (pairs && prev !== undefined && prev !== t) add(`${prev} ${t}`, this.options.pairWeight);
      for (const g of this.lexicon.groups(t)) add(`~${g}`, this.options.groupWeight);
    });
    return out;
  }

  /** A known word one edit away (two from eight letters) from an unknown one, or null. */
  private correct(word: string): string | null {
    const cached = this.typoCache.get(word);
    if (cached !== undefined) return cached.word;
    let best: string | null = null;
    if (word.length >= 5 && !/\d/.test(word)) {
      const limit = word.length >= 8 ? 2 : 1;
      let bestD = limit + 1;
      for (const known of this.words) {
        if (Math.abs(known.length - word.length) > limit) continue;
        const d = distance(known, word);
        if (d < bestD) {
          bestD = d;
          best = known;
        }
      }
    }
    this.typoCache.set(word, { word: best });
    return best;
  }

  /**
   * Documents ranked by posterior probability. `parts` lets a caller weight pieces of a long message (the question
   * sentences more than the context around them).
   */
  predict(parts: readonly { text: string; weight: number }[], limit = 10): ClassHit[] {
    const scores = this.scratch;
    const touched: number[] = [];
    let mass = 0;
    for (const part of parts) {
      for (const [raw, n] of this.features(part.text)) {
        const f = this.featureIds.has(raw) ? raw : raw.includes(' ') || raw.startsWith('~') ? null : this.correct(raw);
        const id = f ? this.featureIds.get(f) : undefined;
        if (id === undefined || !f) continue;
        const q = n * part.weight * this.idf[id]! * (this.lexicon.isTerm(f) ? this.options.termWeight : 1);
        mass += q;
        for (let k = this.start[id]!, end = this.start[id + 1]!; k < end; k++) {
          const d = this.docs[k]!;
          if (scores[d] === 0) touched.push(d);
          scores[d] = scores[d]! + q * this.boost[k]! + 1e-12;
        }
      }
    }
    if (mass === 0 || this.size === 0) {
      for (const d of touched) scores[d] = 0;
      return [];
    }
    // log score of d = mass·unseen[d] + boosts[d]; an untouched document has only the first part.
    const logOf = (d: number) => mass * this.unseen[d]! + scores[d]!;
    let max = -Infinity;
    for (let d = 0; d < this.size; d++) max = Math.max(max, logOf(d));
    let z = 0;
    for (let d = 0; d < this.size; d++) z += Math.exp(logOf(d) - max);
    // The best are among the touched documents (a document no feature touched only has the smoothing floor).
    const pool =
      touched.length >= limit
        ? touched
        : [...new Set([...touched, ...Array.from({ length: Math.min(this.size, limit) }, (_, i) => i)])];
    const logs = new Float64Array(this.size);
    for (const d of pool) logs[d] = logOf(d);
    const best = topK(pool, logs, limit)
      .map((d) => ({ doc: d, logScore: logs[d]!, prob: Math.exp(logs[d]! - max) / z }))
      .sort((a, b) => b.logScore - a.logScore || a.doc - b.doc);
    for (const d of touched) scores[d] = 0;
    return best;
  }
}
