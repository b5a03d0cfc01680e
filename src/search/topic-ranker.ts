/**
 * The FAQ ranking: three rankers read the same topics through the same domain lexicon, and their rankings are fused
 * by reciprocal-rank fusion — so the answer rests on pooled evidence, not on the single best-matching alias.
 *
 * - phrase: the TextIndex (how much of a title/alias the question covers, typos and plurals forgiven) — precise;
 * - classifier: naive Bayes over every phrasing of a topic (title, aliases, example questions, tags, answer);
 * - bm25: BM25+ (bm25.ts, scored exactly as MiniSearch does) over titles, aliases, example questions and tags,
 *   which weighs a question's rare words.
 *
 * Long messages: the question sentences are read on their own as well, and count twice as much as the context
 * around them in the classifier.
 *
 * Tuning knobs (RANKER_DEFAULTS): meaning, range, default —
 * - `rrfK` (1–100, 5): reciprocal-rank constant; lower lets the top ranks dominate.
 * - `weights` (0–2): how much each ranker's vote counts — phrase 0.5, classifier 1.2, bm25 0.8 (tuned on fold A:
 *   the phrase matcher's strength is kept by the exact-phrase rule below and by the answer gate).
 * - `depth` (5–50, 15): how many results of each ranker take part in the fusion.
 * - `questionWeight` (1–4, 2) / `contextWeight` (0–1, 0.6): classifier weight of question sentences / the rest.
 */
import { Bm25Index, type Bm25Hit } from './bm25.js';
import type { Topic } from '../knowledge/index.js';
import { normalize } from '../text/normalize.js';
import { EMPTY_LEXICON, type Lexicon } from '../text/lexicon.js';
import { STOP_WORDS, contentTokensOf, stem } from '../text/tokens.js';
import { questionSentences } from '../text/sentences.js';
import { topicDoc } from './knowledge-docs.js';
import { TextIndex } from './text-index.js';
import { TopicClassifier, type ClassifierOptions } from './topic-classifier.js';
import type { SearchHit } from './types.js';

/**
 * Knobs: of a long post the ranker reads the first CONTEXT_CHARS (1,200) characters as context — the longest
 * evaluation post is about 530 — and up to MAX_QUESTION_SENTENCES (6) question sentences from anywhere in it.
 */
export const CONTEXT_CHARS = 1200;
export const MAX_QUESTION_SENTENCES = 6;

/** Knob: BM25 field weights (title 3, aliases 2, example questions 1.5, tags 1). */
export const BM25_BOOSTS = { title: 3, aliases: 2, examples: 1.5, tags: 1 } as const;

export interface RankerOptions {
  rrfK: number;
  weights: { phrase: number; classifier: number; bm25: number };
  depth: number;
  questionWeight: number;
  contextWeight: number;
}

export const RANKER_DEFAULTS: RankerOptions = {
  rrfK: 5,
  weights: { phrase: 0.5, classifier: 1.2, bm25: 0.8 },
  depth: 15,
  questionWeight: 2,
  contextWeight: 0.6,
};

/** A word the off-topic examples use too is still the domain's when at least this share of the topics use it. */
export const SHARED_WORD_SHARE = 0.15;

/** The classifier's class for questions outside the scope (knowledge/off-topic.yaml). */
export const ELSEWHERE = '__elsewhere__';

/** A sentence found inside a long message scores a little below the same text asked on its own. */
const SENTENCE_DISCOUNT = 0.95;
/**
 * A question that is nearly word for word one of a topic's own titles or aliases (phrase score at least this) goes
 * to that topic, whatever the other rankers say.
 */
export const EXACT_PHRASE_SCORE = 0.85;

/** What each ranker said about one topic. */
export interface Evidence {
  /** 1-based rank per ranker (null: not in its top `depth`). */
  phraseRank: number | null;
  classifierRank: number | null;
  bm25Rank: number | null;
  /** The phrase matcher's score and title/alias coverage (0…1). */
  phraseScore: number;
  phraseCoverage: number;
  /** The classifier's posterior probability. */
  classifierProb: number;
  /** BM25 score divided by the number of query words (comparable across question lengths). */
  bm25PerWord: number;
}

export interface RankedTopic {
  topic: Topic;
  /** The fused score (sum of weighted reciprocal ranks). */
  fused: number;
  evidence: Evidence;
  /** The phrase matcher's hit, when it found this topic (for the matched alias and coverage). */
  phraseHit: SearchHit<Topic> | null;
}

export interface RankedQuery {
  ranked: RankedTopic[];
  /**
   * Share of the question's content words that are the domain's own (used by the topics and not by the off-topic
   * examples), 0…1: off-topic questions score low.
   */
  domainShare: number;
  /** Content words in the question. */
  contentWords: number;
  /** The classifier's posterior for "none of these topics: elsewhere" (0 without off-topic examples). */
  elsewhereProb: number;
}

export class TopicRanker {
  readonly phrase: TextIndex<Topic>;
  private readonly classifier: TopicClassifier;
  private readonly bm25: Bm25Index;
  private readonly options: RankerOptions;
  private readonly vocabulary = new Set<string>();
  private readonly tokenize: (text: string) => string[];
  private readonly indexOf: ReadonlyMap<string, number>;

  constructor(
    private readonly topics: readonly Topic[],
    private readonly lexicon: Lexicon = EMPTY_LEXICON,
    options: Partial<RankerOptions> = {},
    /** Questions outside the scope: one extra classifier class ("elsewhere") that off-topic questions fall into. */
    offTopic: readonly string[] = [],
    classifierOptions: Partial<ClassifierOptions> = {},
    /** Model numbers of known gear ("7506", "hd600", "2i2"): a question naming them is about the domain. */
    gearWords: Iterable<string> = [],
  ) {
    this.options = { ...RANKER_DEFAULTS, ...options, weights: { ...RANKER_DEFAULTS.weights, ...options.weights } };
    this.phrase = new TextIndex(topics.map(topicDoc), { lexicon }).prepare();
    const elsewhere = offTopic.length
      ? [{ id: ELSEWHERE, title: '', aliases: [], examples: offTopic, tags: [], body: '' }]
      : [];
    this.classifier = new TopicClassifier([...topics, ...elsewhere], lexicon, classifierOptions);
    const tokenize = (text: string) => {
      const rewritten = lexicon.rewrite(normalize(text));
      return contentTokensOf(rewritten ? rewritten.split(' ') : [], lexicon);
    };
    this.tokenize = tokenize;
    this.indexOf = new Map(topics.map((t, i) => [t.id, i]));
    // Titles weigh most, then aliases, the example questions, and tags (bodies are the phrase matcher's and the
    // classifier's evidence: in BM25 their length drowns the short fields).
    this.bm25 = new Bm25Index(
      topics.map((t) => [t.title, t.aliases.join(' \n '), t.examples.join(' \n '), t.tags.join(' ')].map(tokenize)),
      [BM25_BOOSTS.title, BM25_BOOSTS.aliases, BM25_BOOSTS.examples, BM25_BOOSTS.tags],
    );
    // The domain's own words: what the topics use, minus what questions outside the scope use too ("best", "fix",
    // "game", "time" are everyone's words; "impedance", "interface", "hiss" are this domain's).
    // A word both use still counts when many topics use it (interface, mic, headphone).
    const everyone = new Set(offTopic.flatMap((q) => tokenize(q)));
    const topicsUsing = new Map<string, number>();
    for (const t of topics) {
      const own = new Set([t.title, ...t.aliases, ...t.examples, ...t.tags, t.body].flatMap((text) => tokenize(text)));
      for (const w of own) topicsUsing.set(w, (topicsUsing.get(w) ?? 0) + 1);
    }
    const shared = Math.max(3, Math.round(topics.length * SHARED_WORD_SHARE));
    for (const [w, n] of topicsUsing) if (!everyone.has(w) || n >= shared) this.vocabulary.add(w);
    for (const w of gearWords) this.vocabulary.add(w);
  }

  /**
   * BM25 over the question's words, each distinct word once with its count as its weight: the same scores as querying
   * every occurrence (scores add up per query word, linearly in the weight), at the cost of the distinct words only —
   * a 4,000-character post repeats most of its words.
   */
  private bm25Search(text: string, limit: number): Bm25Hit[] {
    const counts = new Map<string, number>();
    for (const t of this.tokenize(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts.size === 0 ? [] : this.bm25.search(counts, limit);
  }

  get size(): number {
    return this.topics.length;
  }

  /** Phrase hits for the whole question and for each question sentence of a long message; the best reading wins. */
  private phraseHits(query: string, sentences: string[]): SearchHit<Topic>[] {
    let best = this.phrase.search(query, { limit: this.options.depth });
    for (const s of sentences) {
      const hits = this.phrase
        .search(s, { limit: this.options.depth })
        .map((h) => ({ ...h, score: h.score * SENTENCE_DISCOUNT }));
      if ((hits[0]?.score ?? 0) > (best[0]?.score ?? 0)) best = hits;
    }
    return best;
  }

  rank(message: string, limit = 5): RankedQuery {
    const o = this.options;
    // A long post is read as its question sentences plus its opening as context: the cost of a ranking stays near
    // that of a normal question however long the post, and a question buried at the end is still read whole.
    const sentences = questionSentences(message).slice(0, MAX_QUESTION_SENTENCES);
    const query = message.length > CONTEXT_CHARS ? message.slice(0, CONTEXT_CHARS).replace(/\s+\S*$/, '') : message;
    const phrase = this.phraseHits(query, sentences);
    const parts = sentences.length
      ? [
          { text: query, weight: o.contextWeight },
          ...sentences.map((s) => ({ text: s, weight: o.questionWeight - o.contextWeight })),
        ]
      : [{ text: query, weight: 1 }];
    const predicted = this.classifier.predict(parts, o.depth + 1);
    const elsewhere = predicted.find((c) => c.doc === this.topics.length);
    const classes = predicted.filter((c) => c.doc < this.topics.length).slice(0, o.depth);
    const bm25 = this.bm25Search(sentences.length ? [query, ...sentences].join(' \n ') : query, o.depth);

    const rewritten = this.lexicon.rewrite(normalize(query));
    const tokens = contentTokensOf(rewritten ? rewritten.split(' ') : [], this.lexicon).filter(
      (t) => !STOP_WORDS.has(t),
    );
    // "7506s", "hd600s": a model number in the plural is still the gear
    const known = tokens.filter(
      (t) => this.vocabulary.has(t) || this.vocabulary.has(stem(t)) || this.vocabulary.has(t.replace(/(\d)s$/, '$1')),
    );
    const domainShare = tokens.length ? known.length / tokens.length : 0;
    const words = Math.max(1, tokens.length);

    const byIndex = new Map<number, RankedTopic>();
    const entry = (i: number): RankedTopic => {
      let e = byIndex.get(i);
      if (!e) {
        e = {
          topic: this.topics[i]!,
          fused: 0,
          evidence: {
            phraseRank: null,
            classifierRank: null,
            bm25Rank: null,
            phraseScore: 0,
            phraseCoverage: 0,
            classifierProb: 0,
            bm25PerWord: 0,
          },
          phraseHit: null,
        };
        byIndex.set(i, e);
      }
      return e;
    };
    const indexOf = this.indexOf;
    phrase.forEach((h, r) => {
      const e = entry(indexOf.get(h.doc.id)!);
      e.fused += o.weights.phrase / (o.rrfK + r + 1) + (r === 0 && h.score >= EXACT_PHRASE_SCORE ? 1 : 0);
      e.evidence.phraseRank = r + 1;
      e.evidence.phraseScore = h.score;
      e.evidence.phraseCoverage = h.phraseCoverage;
      e.phraseHit = h;
    });
    classes.forEach((c, r) => {
      const e = entry(c.doc);
      e.fused += o.weights.classifier / (o.rrfK + r + 1);
      e.evidence.classifierRank = r + 1;
      e.evidence.classifierProb = c.prob;
    });
    bm25.forEach((h, r) => {
      const e = entry(h.doc);
      e.fused += o.weights.bm25 / (o.rrfK + r + 1);
      e.evidence.bm25Rank = r + 1;
      e.evidence.bm25PerWord = h.score / words;
    });
    const ranked = [...byIndex.values()]
      .sort((a, b) => b.fused - a.fused || a.topic.id.localeCompare(b.topic.id))
      .slice(0, limit);
    return { ranked, domainShare, contentWords: tokens.length, elsewhereProb: elsewhere?.prob ?? 0 };
  }
}
