/**
 * The shared search index. Query words are matched to known words (typos via fuse.js, plurals via stemming),
 * then each candidate is scored by how much of its best title/alias the query covers and how much of the query
 * the document explains. Scores are 0…1 and comparable across queries, so callers can set confidence thresholds.
 */
import { compact, normalize } from '../text/normalize.js';
import { contentTokens, stem } from '../text/tokens.js';
import type { DocKind, SearchDoc, SearchHit, SearchOptions, Searcher } from './types.js';
import { Vocabulary, type TermMatch } from './vocabulary.js';

/** Field weights: a query word found in a title/alias counts most, tags next, the body least. */
const FIELD_WEIGHT = { phrase: 1, tag: 0.7, body: 0.45 } as const;
/** The title is the canonical question: among equal fits, the topic whose title fits wins. */
const TITLE_BONUS = 0.05;
/** Share of a phrase's fit that depends on sharing adjacent word pairs with the question. */
const PAIR_WEIGHT = 0.3;
/** How the final score blends phrase coverage and query coverage. */
const BLEND = { phrase: 0.55, queryPhrase: 0.1, queryAll: 0.35 } as const;

interface Phrase {
  text: string;
  terms: string[];
  /** Adjacent word pairs ("headphone amp"), precomputed for the word-order bonus. */
  pairs: string[];
  compact: string;
}

interface Entry<P> {
  doc: SearchDoc<P>;
  phrases: Phrase[];
}

/** Where a word occurs in a document: bit flags, so postings carry the field and entries need no word sets. */
const IN_PHRASE = 1;
const IN_TAG = 2;
const IN_BODY = 4;

interface Posting {
  docs: number[];
  flags: number[];
}

interface PrefixKey {
  key: string;
  entry: number;
  rank: number;
}

interface PrefixTiers {
  sorted: PrefixKey[][];
  exact: Map<string, PrefixKey[]>;
}

/** Candidates fully scored per query: the best by a cheap first pass (sum of matched word weights by field). */
const MAX_SCORED = 80;
/** Prefix keys per phrase for autocomplete: the whole phrase and the phrase from each of its first words on. */
const MAX_WORD_STARTS = 6;

export class TextIndex<P = unknown> implements Searcher<P> {
  private readonly entries: Entry<P>[] = [];
  private readonly postings = new Map<string, Posting>();
  /** Every word of every field: typo lookup and body weights. */
  private readonly vocab = new Vocabulary();
  /** Words of titles and aliases only: their weights decide phrase fit ("latency" is rare among titles even if many answers mention it). */
  private readonly phraseVocab = new Vocabulary();
  /** Autocomplete keys (compact phrase, or compact phrase from a word on), sorted; built on first use. */
  private prefixKeys: PrefixTiers | null = null;
  /** Per-query first-pass scores, reused between queries. */
  private scratch = new Float64Array(0);

  constructor(docs: Iterable<SearchDoc<P>> = []) {
    for (const d of docs) this.add(d);
  }

  get size(): number {
    return this.entries.length;
  }

  add(doc: SearchDoc<P>): void {
    const phrases = [doc.title, ...doc.aliases].map((text) => {
      const terms = unique(contentTokens(text));
      return { text, terms, pairs: terms.slice(1).map((t, i) => `${terms[i]} ${t}`), compact: compact(text) };
    });
    const index = this.entries.push({ doc, phrases }) - 1;
    const flags = new Map<string, number>();
    const mark = (t: string, f: number) => flags.set(t, (flags.get(t) ?? 0) | f);
    for (const p of phrases) for (const t of p.terms) mark(t, IN_PHRASE);
    for (const tag of doc.tags) for (const t of contentTokens(tag)) mark(t, IN_TAG);
    for (const t of contentTokens(doc.body)) mark(t, IN_BODY);
    this.vocab.addDocument(flags.keys());
    this.phraseVocab.addDocument([...flags].filter(([, f]) => f & IN_PHRASE).map(([t]) => t));
    for (const [t, f] of flags) {
      let posting = this.postings.get(t);
      if (!posting) this.postings.set(t, (posting = { docs: [], flags: [] }));
      posting.docs.push(index);
      posting.flags.push(f);
    }
    this.prefixKeys = null;
  }

  search(query: string, options: SearchOptions = {}): SearchHit<P>[] {
    const limit = options.limit ?? 5;
    const qTerms = unique(contentTokens(query));
    if (qTerms.length === 0) return [];
    const expanded = qTerms.map((q) => ({ word: q, matches: this.vocab.lookup(q) }));
    // A word nobody wrote about weighs like a rare word: it lowers coverage, so off-topic questions score low.
    const weightOf = (q: { word: string; matches: TermMatch[] }) =>
      q.matches.length ? Math.max(...q.matches.map((m) => this.phraseVocab.idf(m.term))) : this.vocab.unknownWeight();
    const weights = expanded.map(weightOf);
    const qMass = weights.reduce((n, w) => n + w, 0);

    const queryWeights = new Map<string, number>();
    expanded.forEach((q, k) => {
      for (const m of q.matches) queryWeights.set(m.term, Math.max(queryWeights.get(m.term) ?? 0, weights[k]!));
    });

    // First pass over the postings: a cheap score per document (typed array, no allocation per candidate).
    const pre = this.scratch.length >= this.entries.length ? this.scratch : (this.scratch = new Float64Array(this.entries.length * 2));
    const touched: number[] = [];
    expanded.forEach((q, k) => {
      for (const m of q.matches) {
        const posting = this.postings.get(m.term);
        if (!posting) continue;
        const w = weights[k]! * m.similarity;
        for (let j = 0; j < posting.docs.length; j++) {
          const doc = posting.docs[j]!;
          const f = posting.flags[j]!;
          if (pre[doc] === 0) touched.push(doc);
          pre[doc] = pre[doc]! + w * (f & IN_PHRASE ? FIELD_WEIGHT.phrase : f & IN_TAG ? FIELD_WEIGHT.tag : FIELD_WEIGHT.body) + 1e-9;
        }
      }
    });
    let candidates = options.kinds ? touched.filter((i) => options.kinds!.includes(this.entries[i]!.doc.kind)) : touched;
    if (candidates.length > MAX_SCORED) candidates = candidates.sort((a, b) => pre[b]! - pre[a]!).slice(0, MAX_SCORED);
    for (const doc of touched) pre[doc] = 0;

    const queryCompact = compact(query);
    const queryPairs = new Set<string>();
    const ordered = contentTokens(query).flatMap((w) => this.vocab.lookup(w).slice(0, 1).map((m) => m.term));
    for (let i = 1; i < ordered.length; i++) queryPairs.add(`${ordered[i - 1]} ${ordered[i]}`);
    const hits: SearchHit<P>[] = [];
    for (const i of candidates) {
      const entry = this.entries[i]!;
      let coveredPhrase = 0;
      let coveredAll = 0;
      const simOf = new Map<string, number>();
      expanded.forEach((q, k) => {
        let bestPhrase = 0;
        let bestAll = 0;
        for (const m of q.matches) {
          const f = this.flagsOf(m.term, i);
          const field = f & IN_PHRASE ? FIELD_WEIGHT.phrase : f & IN_TAG ? FIELD_WEIGHT.tag : f & IN_BODY ? FIELD_WEIGHT.body : 0;
          if (f & IN_PHRASE) {
            bestPhrase = Math.max(bestPhrase, m.similarity);
            simOf.set(m.term, Math.max(simOf.get(m.term) ?? 0, m.similarity));
          }
          bestAll = Math.max(bestAll, m.similarity * field);
        }
        coveredPhrase += weights[k]! * bestPhrase;
        coveredAll += weights[k]! * bestAll;
      });
      let best = { fit: 0, coverage: 0, text: entry.doc.title };
      let titleFit = 0;
      entry.phrases.forEach((p, n) => {
        const fit = phraseFit(p, simOf, queryWeights, qMass, (t) => this.phraseVocab.idf(t), queryCompact, queryPairs);
        if (n === 0) titleFit = fit.fit;
        if (fit.fit > best.fit) best = { ...fit, text: p.text };
      });
      const queryPhrase = qMass > 0 ? coveredPhrase / qMass : 0;
      const queryAll = qMass > 0 ? coveredAll / qMass : 0;
      const score = BLEND.phrase * best.fit + BLEND.queryPhrase * queryPhrase + BLEND.queryAll * queryAll + TITLE_BONUS * titleFit;
      if (score > 0) hits.push({ doc: entry.doc, score, phraseCoverage: best.coverage, queryCoverage: queryAll, matched: best.text });
    }
    hits.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
    return hits.slice(0, limit).map((h) => ({ ...h, score: Math.min(1, h.score) }));
  }

  /**
   * Autocomplete: names and aliases that start with what was typed (spacing and punctuation ignored), or whose later
   * words do; a binary search in sorted keys, so it stays fast at any size. When nothing matches, typos in the typed
   * words are corrected through the vocabulary (fuse.js) and the prefix search runs again.
   */
  complete(prefix: string, options: SearchOptions = {}): SearchDoc<P>[] {
    const limit = options.limit ?? 25;
    const kinds = options.kinds;
    const ok = (i: number) => !kinds || kinds.includes(this.entries[i]!.doc.kind);
    const typed = normalize(prefix);
    if (!typed) {
      const out: SearchDoc<P>[] = [];
      for (let i = 0; i < this.entries.length && out.length < limit; i++) if (ok(i)) out.push(this.entries[i]!.doc);
      return out;
    }
    let ranked = this.prefixMatches(typed.replace(/ /g, ''), ok);
    if (ranked.size === 0 && typed.length >= 3) {
      const corrected = typed
        .split(' ')
        .map((w) => (/\d/.test(w) || w.length < 4 || this.vocab.has(stem(w)) ? w : (this.vocab.lookup(w)[0]?.term ?? w)))
        .join('');
      if (corrected !== typed.replace(/ /g, '')) ranked = this.prefixMatches(corrected, ok);
    }
    return [...ranked.entries()]
      .sort((a, b) => b[1] - a[1] || this.entries[a[0]]!.doc.title.length - this.entries[b[0]]!.doc.title.length || a[0] - b[0])
      .slice(0, limit)
      .map(([i]) => this.entries[i]!.doc);
  }

  private prefixMatches(typed: string, ok: (i: number) => boolean, wanted = 60): Map<number, number> {
    const tiers = (this.prefixKeys ??= this.buildPrefixKeys());
    const ranked = new Map<number, number>();
    for (const e of tiers.exact.get(typed) ?? []) if (ok(e.entry)) ranked.set(e.entry, e.rank + 1);
    // Tiers in rank order (title start, alias start, a later word of the title, of an alias): stop once enough.
    for (const tier of tiers.sorted) {
      if (ranked.size >= wanted) break;
      let lo = 0;
      let hi = tier.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tier[mid]!.key < typed) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo, seen = 0; i < tier.length && seen < 2000 && ranked.size < wanted && tier[i]!.key.startsWith(typed); i++, seen++) {
        const k = tier[i]!;
        if (ok(k.entry) && !ranked.has(k.entry)) ranked.set(k.entry, k.rank);
      }
    }
    return ranked;
  }

  private buildPrefixKeys(): PrefixTiers {
    const tiers: PrefixKey[][] = [[], [], [], []];
    const exact = new Map<string, PrefixKey[]>();
    this.entries.forEach((e, entry) => {
      e.phrases.forEach((p, n) => {
        const title = n === 0;
        const whole = { key: p.compact, entry, rank: title ? 3.5 : 3 };
        tiers[title ? 0 : 1]!.push(whole);
        const list = exact.get(p.compact);
        if (list) list.push(whole);
        else exact.set(p.compact, [whole]);
        const words = normalize(p.text).split(' ');
        for (let w = 1; w < Math.min(words.length, MAX_WORD_STARTS); w++) tiers[title ? 2 : 3]!.push({ key: words.slice(w).join(''), entry, rank: title ? 2.5 : 2 });
      });
    });
    for (const t of tiers) t.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { sorted: tiers, exact };
  }

  /** Where a word occurs in a document (0 when it does not): binary search in the word's posting list. */
  private flagsOf(term: string, doc: number): number {
    const posting = this.postings.get(term);
    if (!posting) return 0;
    let lo = 0;
    let hi = posting.docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = posting.docs[mid]!;
      if (d === doc) return posting.flags[mid]!;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Builds the lazily built parts now (autocomplete keys, the typo pre-filter), so the first keystroke is fast. */
  prepare(): this {
    this.prefixKeys ??= this.buildPrefixKeys();
    this.vocab.prepare();
    return this;
  }

  docsOfKind(kind: DocKind): SearchDoc<P>[] {
    return this.entries.filter((e) => e.doc.kind === kind).map((e) => e.doc);
  }
}

/**
 * How well one title/alias fits the query: an F-score of how much of the phrase the query covers (precision-like)
 * and how much of the query the phrase covers (recall-like, against at most 1.5× the phrase's own weight, so a long
 * pasted post is not punished for its length). Precision weighs more (β = 0.7).
 */
function phraseFit(
  p: Phrase,
  simOf: Map<string, number>,
  queryWeights: Map<string, number>,
  qMass: number,
  idf: (t: string) => number,
  queryCompact: string,
  queryPairs: Set<string>,
): { fit: number; coverage: number } {
  if (p.terms.length === 0) return { fit: 0, coverage: 0 };
  let covered = 0;
  let mass = 0;
  let queryCovered = 0;
  for (const t of p.terms) {
    const w = idf(t);
    mass += w;
    const sim = simOf.get(t) ?? 0;
    covered += w * sim;
    queryCovered += (queryWeights.get(t) ?? 0) * sim;
  }
  let coverage = mass > 0 ? covered / mass : 0;
  if (p.compact.length >= 6 && queryCompact.includes(p.compact)) coverage = 1;
  const recall = Math.min(1, queryCovered / Math.max(1e-9, Math.min(qMass, 1.5 * mass)));
  const beta2 = 0.49;
  const f = coverage + recall > 0 ? ((1 + beta2) * coverage * recall) / (beta2 * recall + coverage) : 0;
  // Word order: pairs of adjacent words shared with the question ("headphone amp", "input device") add a little.
  let pairs = 0;
  for (const pair of p.pairs) if (queryPairs.has(pair)) pairs += 1;
  const pairShare = p.terms.length > 1 ? pairs / (p.terms.length - 1) : 0;
  return { fit: f * (1 - PAIR_WEIGHT) + PAIR_WEIGHT * pairShare * f, coverage };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
