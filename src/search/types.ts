/** What the search layer indexes and returns. FAQ topics, devices and server entries all become SearchDocs. */
export type DocKind = 'faq' | 'device' | 'entry';

export interface SearchDoc<P = unknown> {
  /** Unique within the index (e.g. a topic id, a device id, "guild:123:entry:5"). */
  id: string;
  kind: DocKind;
  /** The main name: a topic's question or a device's brand + model. */
  title: string;
  /** Other names or phrasings people type. */
  aliases: string[];
  tags: string[];
  /** Long text, weighted least. */
  body: string;
  /** Whatever the caller wants back with a hit (the topic or device itself). */
  payload: P;
}

export interface SearchHit<P = unknown> {
  doc: SearchDoc<P>;
  /** 0…1, higher is better; comparable across queries (used for confidence thresholds). */
  score: number;
  /** How well the best title/alias is covered by the query (0…1). */
  phraseCoverage: number;
  /** How much of the query the document explains (0…1). */
  queryCoverage: number;
  /** The title or alias that matched best. */
  matched: string;
}

export interface SearchOptions {
  limit?: number;
  kinds?: readonly DocKind[];
}

/** The small interface every index implements, so devices and moderator entries plug into the same search. */
export interface Searcher<P = unknown> {
  search(query: string, options?: SearchOptions): SearchHit<P>[];
  /** Ranked completions for what is typed so far (autocomplete); empty input → hoisted/first docs. */
  complete(prefix: string, options?: SearchOptions): SearchDoc<P>[];
  readonly size: number;
}
