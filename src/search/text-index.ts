/**
 * The shared search index. Query words are matched to known words (typos via fuse.js, plurals via stemming),
 * then each candidate is scored by how much of its best title/alias the query covers and how much of the query
 * the document explains. Scores are 0…1 and comparable across queries, so callers can set confidence thresholds.
 */
import { normalize, words } from '../text/normalize.js';
import { contentTokens, contentTokensOf, stem } from '../text/tokens.js';
import { EMPTY_LEXICON, type Lexicon } from '../text/lexicon.js';
import { PhraseTable } from './phrases.js';
import { IN_BODY, IN_PHRASE, IN_TAG, Postings, WordIds, packDocWords } from './postings.js';
import { PrefixKeyCollector, type PrefixKeys } from './prefix-keys.js';
import { topK } from './top-k.js';
import type { SearchDoc, SearchHit, SearchOptions } from './types.js';
import { UNKNOWN_WEIGHT, Vocabulary, idfWeights, type TermMatch } from './vocabulary.js';

/** Field weights: a query word found in a title/alias counts most, tags next, the body least. */
const FIELD_WEIGHT = { phrase: 1, tag: 0.7, body: 0.45 } as const;
/** The title is the canonical question: among equal fits, the topic whose title fits wins. */
const TITLE_BONUS = 0.05;
/** Share of a phrase's fit that depends on sharing adjacent word pairs with the question. */
const PAIR_WEIGHT = 0.3;
/** How the final score blends phrase coverage and query coverage. */
const BLEND = { phrase: 0.55, queryPhrase: 0.1, queryAll: 0.35 } as const;
/** Candidates fully scored per query: the best by a cheap first pass (sum of matched word weights by field). */
const MAX_SCORED = 80;
/** Word pairs are keyed as one number: first word id × this + second word id. */
const PAIR_BASE = 2 ** 26;

const fieldWeight = (f: number) =>
  f & IN_PHRASE ? FIELD_WEIGHT.phrase : f & IN_TAG ? FIELD_WEIGHT.tag : f & IN_BODY ? FIELD_WEIGHT.body : 0;

/** What phrase fit needs to know about the query. */
interface QueryFacts {
  /** Best similarity of each word id the query matched in this document's titles/aliases. */
  simOf: Map<number, number>;
  /** Weight of each word id the query matched. */
  weights: Map<number, number>;
  mass: number;
  compact: string;
  pairs: Set<number>;
}

/**
 * Built once from its documents and immutable afterwards (a changed knowledge base builds a new index), which lets
 * every part be packed into typed arrays.
 */
const ANY_DOC = () => true;

export class TextIndex<P = unknown> {
  private readonly docs: SearchDoc<P>[];
  private readonly phrases: PhraseTable;
  private readonly postings: Postings;
  /** Every word of every field: typo lookup. */
  private readonly vocab: Vocabulary;
  /**
   * Weight of each word among titles and aliases: it decides phrase fit ("latency" is rare among titles even if many
   * answers mention it).
   */
  private readonly phraseIdf: Float64Array;
  /** Autocomplete keys. */
  private readonly prefixKeys: PrefixKeys;
  /** Per-query first-pass scores, reused between queries. */
  private readonly scratch: Float64Array;

  /** The domain lexicon every text is read through (synonyms, phrases). */
  private readonly lexicon: Lexicon;

  constructor(docs: Iterable<SearchDoc<P>> = [], options: { lexicon?: Lexicon } = {}) {
    this.docs = [...docs];
    this.lexicon = options.lexicon ?? EMPTY_LEXICON;
    const ids = new WordIds();
    const keys = new PrefixKeyCollector();
    this.phrases = new PhraseTable(
      this.docs.map((d) => [d.title, ...d.aliases]),
      ids,
      (p, title, words) => keys.add(p, title, words),
      this.lexicon,
    );
    this.prefixKeys = keys.build(this.phrases);
    const perDoc = this.docs.map((doc, i) => {
      const flags = new Map<number, number>();
      const mark = (w: number, f: number) => flags.set(w, (flags.get(w) ?? 0) | f);
      for (let p = this.phrases.first[i]!; p < this.phrases.first[i + 1]!; p++) {
        for (let k = this.phrases.wordStart[p]!; k < this.phrases.wordStart[p + 1]!; k++)
          mark(this.phrases.words[k]!, IN_PHRASE);
      }
      for (const tag of doc.tags) for (const t of contentTokens(tag, this.lexicon)) mark(ids.idOf(t), IN_TAG);
      for (const t of contentTokens(doc.body, this.lexicon)) mark(ids.idOf(t), IN_BODY);
      return packDocWords(flags);
    });
    this.postings = new Postings(perDoc, ids.ids.size);
    this.vocab = new Vocabulary(ids.ids);
    this.phraseIdf = idfWeights(ids.ids, this.postings.phraseDocFreq, this.docs.length);
    this.scratch = new Float64Array(this.docs.length);
  }

  get size(): number {
    return this.docs.length;
  }

  search(query: string, options: SearchOptions = {}): SearchHit<P>[] {
    const limit = options.limit ?? 5;
    // The query is normalised once: its words give the content words, the word pairs and the compact form.
    const queryWords = words(query);
    const tokens = contentTokensOf(this.lexicon.rewrite(queryWords.join(' ')).split(' '), this.lexicon);
    const qTerms = unique(tokens);
    if (qTerms.length === 0) return [];
    const expanded = qTerms.map((q) => this.vocab.lookup(q));
    // A word nobody wrote about weighs like a rare word: it lowers coverage, so off-topic questions score low.
    const weightOf = (matches: TermMatch[]) =>
      matches.length ? Math.max(...matches.map((m) => this.phraseIdf[m.id]!)) : UNKNOWN_WEIGHT;
    const weights = expanded.map(weightOf);
    const qMass = weights.reduce((n, w) => n + w, 0);

    const queryWeights = new Map<number, number>();
    expanded.forEach((matches, k) => {
      for (const m of matches) queryWeights.set(m.id, Math.max(queryWeights.get(m.id) ?? 0, weights[k]!));
    });

    // First pass over the postings: a cheap score per document (typed array, no allocation per candidate).
    const pre = this.scratch;
    const touched: number[] = [];
    expanded.forEach((matches, k) => {
      for (const m of matches) {
        const w = weights[k]! * m.similarity;
        this.postings.forEach(m.id, (doc, f) => {
          if (pre[doc] === 0) touched.push(doc);
          pre[doc] = pre[doc]! + w * fieldWeight(f) + 1e-9;
        });
      }
    });
    let candidates = touched;
    if (candidates.length > MAX_SCORED) candidates = topK(candidates, pre, MAX_SCORED);
    for (const doc of touched) pre[doc] = 0;

    const pairs = new Set<number>();
    const ordered = tokens.flatMap((w) =>
      this.vocab
        .lookup(w)
        .slice(0, 1)
        .map((m) => m.id),
    );
    for (let i = 1; i < ordered.length; i++) pairs.add(ordered[i - 1]! * PAIR_BASE + ordered[i]!);
    const facts: QueryFacts = {
      simOf: new Map(),
      weights: queryWeights,
      mass: qMass,
      compact: queryWords.join(''),
      pairs,
    };
    const hits: SearchHit<P>[] = [];
    for (const i of candidates) {
      const doc = this.docs[i]!;
      let coveredPhrase = 0;
      let coveredAll = 0;
      facts.simOf.clear();
      expanded.forEach((matches, k) => {
        let bestPhrase = 0;
        let bestAll = 0;
        for (const m of matches) {
          const f = this.postings.flagsOf(m.id, i);
          if (f & IN_PHRASE) {
            bestPhrase = Math.max(bestPhrase, m.similarity);
            facts.simOf.set(m.id, Math.max(facts.simOf.get(m.id) ?? 0, m.similarity));
          }
          bestAll = Math.max(bestAll, m.similarity * fieldWeight(f));
        }
        coveredPhrase += weights[k]! * bestPhrase;
        coveredAll += weights[k]! * bestAll;
      });
      let best = { fit: 0, coverage: 0, phrase: this.phrases.first[i]! };
      let titleFit = 0;
      for (let p = this.phrases.first[i]!; p < this.phrases.first[i + 1]!; p++) {
        const fit = this.phraseFit(p, facts);
        if (p === this.phrases.first[i]) titleFit = fit.fit;
        if (fit.fit > best.fit) best = { ...fit, phrase: p };
      }
      const queryPhrase = qMass > 0 ? coveredPhrase / qMass : 0;
      const queryAll = qMass > 0 ? coveredAll / qMass : 0;
      const score =
        BLEND.phrase * best.fit + BLEND.queryPhrase * queryPhrase + BLEND.queryAll * queryAll + TITLE_BONUS * titleFit;
      if (score > 0)
        hits.push({
          doc,
          score,
          phraseCoverage: best.coverage,
          queryCoverage: queryAll,
          matched: this.phraseText(best.phrase),
        });
    }
    hits.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
    return hits.slice(0, limit).map((h) => ({ ...h, score: Math.min(1, h.score) }));
  }

  /**
   * How well one title/alias fits the query: an F-score of how much of the phrase the query covers (precision-like)
   * and how much of the query the phrase covers (recall-like, against at most 1.5× the phrase's own weight, so a long
   * pasted post is not punished for its length). Precision weighs more (β = 0.7).
   */
  private phraseFit(p: number, q: QueryFacts): { fit: number; coverage: number } {
    const from = this.phrases.wordStart[p]!;
    const to = this.phrases.wordStart[p + 1]!;
    if (from === to) return { fit: 0, coverage: 0 };
    const words = this.phrases.words;
    let covered = 0;
    let mass = 0;
    let queryCovered = 0;
    let pairs = 0;
    for (let k = from; k < to; k++) {
      const t = words[k]!;
      const w = this.phraseIdf[t]!;
      mass += w;
      const sim = q.simOf.get(t) ?? 0;
      covered += w * sim;
      queryCovered += (q.weights.get(t) ?? 0) * sim;
      // Word order: pairs of adjacent words shared with the question ("headphone amp", "input device") add a little.
      if (k > from && q.pairs.has(words[k - 1]! * PAIR_BASE + t)) pairs += 1;
    }
    const phraseCompact = this.phrases.compact[p]!;
    let coverage = mass > 0 ? covered / mass : 0;
    if (phraseCompact.length >= 6 && q.compact.includes(phraseCompact)) coverage = 1;
    const recall = Math.min(1, queryCovered / Math.max(1e-9, Math.min(q.mass, 1.5 * mass)));
    const beta2 = 0.49;
    const f = coverage + recall > 0 ? ((1 + beta2) * coverage * recall) / (beta2 * recall + coverage) : 0;
    const pairShare = to - from > 1 ? pairs / (to - from - 1) : 0;
    return { fit: f * (1 - PAIR_WEIGHT) + PAIR_WEIGHT * pairShare * f, coverage };
  }

  /** A phrase's text: its document's title or one of its aliases. */
  private phraseText(p: number): string {
    const doc = this.docs[this.phrases.owner[p]!]!;
    const n = p - this.phrases.first[this.phrases.owner[p]!]!;
    return n === 0 ? doc.title : doc.aliases[n - 1]!;
  }

  /**
   * Autocomplete: names and aliases that start with what was typed (spacing and punctuation ignored), or whose later
   * words do; a binary search in sorted keys, so it stays fast at any size. When nothing matches, typos in the typed
   * words are corrected through the vocabulary (fuse.js) and the prefix search runs again.
   */
  complete(prefix: string, options: SearchOptions = {}): SearchDoc<P>[] {
    const limit = options.limit ?? 25;
    const typed = normalize(prefix);
    if (!typed) {
      return this.docs.slice(0, limit);
    }
    const keys = this.prefixKeys;
    const key = typed.replace(/ /g, '');
    let ranked = keys.matches(key, ANY_DOC);
    if (ranked.size === 0 && typed.length >= 3) {
      const corrected = typed
        .split(' ')
        .map((w) =>
          /\d/.test(w) || w.length < 4 || this.vocab.has(stem(w)) ? w : (this.vocab.lookup(w)[0]?.term ?? w),
        )
        .join('');
      if (corrected !== key) ranked = keys.matches(corrected, ANY_DOC);
    }
    return [...ranked.entries()]
      .sort((a, b) => b[1] - a[1] || this.docs[a[0]]!.title.length - this.docs[b[0]]!.title.length || a[0] - b[0])
      .slice(0, limit)
      .map(([i]) => this.docs[i]!);
  }

  /** Builds the lazily built part now (the typo pre-filter), so the first typo is fast. */
  prepare(): this {
    this.vocab.prepare();
    return this;
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
