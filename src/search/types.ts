/** What the search layer indexes and returns. FAQ topics, devices and server entries all become SearchDocs. */
export type DocKind = 'faq' | 'device';

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
}
