/**
 * The shared search index. Query words are matched to known words (typos via fuse.js, plurals via stemming),
 * then each candidate is scored by how much of its best title/alias the query covers and how much of the query
 * the document explains. Scores are 0…1 and comparable across queries, so callers can set confidence thresholds.
 */
import Fuse from 'fuse.js';
import { compact, normalize } from '../text/normalize.js';
import { contentTokens } from '../text/tokens.js';
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
  compact: string;
}

interface Entry<P> {
  doc: SearchDoc<P>;
  phrases: Phrase[];
  phraseTerms: Set<string>;
  tagTerms: Set<string>;
  bodyTerms: Set<string>;
}

export class TextIndex<P = unknown> implements Searcher<P> {
  private readonly entries: Entry<P>[] = [];
  private readonly postings = new Map<string, number[]>();
  /** Every word of every field: typo lookup and body weights. */
  private readonly vocab = new Vocabulary();
  /** Words of titles and aliases only: their weights decide phrase fit ("latency" is rare among titles even if many answers mention it). */
  private readonly phraseVocab = new Vocabulary();
  private completer: Fuse<{ entry: number; text: string }> | null = null;

  constructor(docs: Iterable<SearchDoc<P>> = []) {
    for (const d of docs) this.add(d);
  }

  get size(): number {
    return this.entries.length;
  }

  add(doc: SearchDoc<P>): void {
    const phrases = [doc.title, ...doc.aliases].map((text) => ({ text, terms: unique(contentTokens(text)), compact: compact(text) }));
    const entry: Entry<P> = {
      doc,
      phrases,
      phraseTerms: new Set(phrases.flatMap((p) => p.terms)),
      tagTerms: new Set(doc.tags.flatMap((t) => contentTokens(t))),
      bodyTerms: new Set(contentTokens(doc.body)),
    };
    const index = this.entries.push(entry) - 1;
    const all = new Set([...entry.phraseTerms, ...entry.tagTerms, ...entry.bodyTerms]);
    this.vocab.addDocument(all);
    this.phraseVocab.addDocument(entry.phraseTerms);
    for (const t of all) {
      const list = this.postings.get(t);
      if (list) list.push(index);
      else this.postings.set(t, [index]);
    }
    this.completer = null;
  }

  search(query: string, options: SearchOptions = {}): SearchHit<P>[] {
    const limit = options.limit ?? 5;
    const qTerms = unique(contentTokens(query));
    if (qTerms.length === 0) return [];
    const expanded = qTerms.map((q) => ({ word: q, matches: this.vocab.lookup(q) }));
    // A word nobody wrote about weighs like a rare word: it lowers coverage, so off-topic questions score low.
    const weightOf = (q: { word: string; matches: TermMatch[] }) =>
      q.matches.length ? Math.max(...q.matches.map((m) => this.phraseVocab.idf(m.term))) : this.vocab.unknownWeight();
    const qMass = expanded.reduce((n, q) => n + weightOf(q), 0);

    const queryWeights = new Map<string, number>();
    for (const q of expanded) for (const m of q.matches) queryWeights.set(m.term, Math.max(queryWeights.get(m.term) ?? 0, weightOf(q)));

    const candidates = new Set<number>();
    for (const q of expanded) for (const m of q.matches) for (const i of this.postings.get(m.term) ?? []) candidates.add(i);

    const queryCompact = compact(query);
    const queryPairs = new Set<string>();
    const ordered = contentTokens(query).flatMap((w) => this.vocab.lookup(w).slice(0, 1).map((m) => m.term));
    for (let i = 1; i < ordered.length; i++) queryPairs.add(`${ordered[i - 1]} ${ordered[i]}`);
    const hits: SearchHit<P>[] = [];
    for (const i of candidates) {
      const entry = this.entries[i]!;
      if (options.kinds && !options.kinds.includes(entry.doc.kind)) continue;
      let coveredPhrase = 0;
      let coveredAll = 0;
      const simOf = new Map<string, number>();
      for (const q of expanded) {
        let bestPhrase = 0;
        let bestAll = 0;
        for (const m of q.matches) {
          const inPhrase = entry.phraseTerms.has(m.term);
          const field = inPhrase ? FIELD_WEIGHT.phrase : entry.tagTerms.has(m.term) ? FIELD_WEIGHT.tag : entry.bodyTerms.has(m.term) ? FIELD_WEIGHT.body : 0;
          if (inPhrase) {
            bestPhrase = Math.max(bestPhrase, m.similarity);
            simOf.set(m.term, Math.max(simOf.get(m.term) ?? 0, m.similarity));
          }
          bestAll = Math.max(bestAll, m.similarity * field);
        }
        const w = weightOf(q);
        coveredPhrase += w * Math.max(bestPhrase, 0);
        coveredAll += w * bestAll;
      }
      let best = { fit: 0, coverage: 0, text: entry.doc.title };
      let titleFit = 0;
      entry.phrases.forEach((p, n) => {
        const fit = phraseFit(p, simOf, queryWeights, qMass, (t) => this.phraseVocab.idf(t), queryCompact, queryPairs);
        if (n === 0) titleFit = fit.fit;
        if (fit.fit > best.fit) best = { ...fit, text: p.text };
      });
      const queryPhrase = qMass > 0 ? coveredPhrase / qMass : 0;
      const queryAll = qMass > 0 ? coveredAll / qMass : 0;
      const score = (BLEND.phrase * best.fit + BLEND.queryPhrase * queryPhrase + BLEND.queryAll * queryAll + TITLE_BONUS * titleFit);
      if (score > 0) hits.push({ doc: entry.doc, score, phraseCoverage: best.coverage, queryCoverage: queryAll, matched: best.text });
    }
    hits.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
    return hits.slice(0, limit).map((h) => ({ ...h, score: Math.min(1, h.score) }));
  }

  complete(prefix: string, options: SearchOptions = {}): SearchDoc<P>[] {
    const limit = options.limit ?? 25;
    const kinds = options.kinds;
    const pool = this.entries.filter((e) => !kinds || kinds.includes(e.doc.kind));
    const typed = normalize(prefix);
    if (!typed) return pool.slice(0, limit).map((e) => e.doc);
    const typedCompact = typed.replace(/ /g, '');
    const ranked = new Map<number, number>();
    pool.forEach((e) => {
      const i = this.entries.indexOf(e);
      let rank = 0;
      for (const p of e.phrases) {
        const n = normalize(p.text);
        if (n === typed || p.compact === typedCompact) rank = Math.max(rank, 4);
        else if (n.startsWith(typed) || p.compact.startsWith(typedCompact)) rank = Math.max(rank, 3);
        else if (n.includes(` ${typed}`) || p.compact.includes(typedCompact)) rank = Math.max(rank, 2);
      }
      if (rank > 0) ranked.set(i, rank + (e.phrases[0]!.compact.startsWith(typedCompact) ? 0.5 : 0));
    });
    if (ranked.size < limit && typed.length >= 2) {
      this.completer ??= new Fuse(
        this.entries.flatMap((e, entry) => e.phrases.map((p) => ({ entry, text: p.text }))),
        { keys: ['text'], includeScore: true, threshold: 0.4, ignoreLocation: true },
      );
      for (const r of this.completer.search(typed, { limit: limit * 3 })) {
        const kind = this.entries[r.item.entry]!.doc.kind;
        if (kinds && !kinds.includes(kind)) continue;
        const rank = 1 - (r.score ?? 1);
        if ((ranked.get(r.item.entry) ?? 0) < rank) ranked.set(r.item.entry, rank);
      }
    }
    return [...ranked.entries()]
      .sort((a, b) => b[1] - a[1] || this.entries[a[0]]!.doc.title.length - this.entries[b[0]]!.doc.title.length)
      .slice(0, limit)
      .map(([i]) => this.entries[i]!.doc);
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
  for (let i = 1; i < p.terms.length; i++) if (queryPairs.has(`${p.terms[i - 1]} ${p.terms[i]}`)) pairs += 1;
  const pairShare = p.terms.length > 1 ? pairs / (p.terms.length - 1) : 0;
  return { fit: f * (1 - PAIR_WEIGHT) + PAIR_WEIGHT * pairShare * f, coverage };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
