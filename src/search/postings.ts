/**
 * The inverted index, packed: for every known word, the documents it occurs in (ascending) and in which fields, all
 * in one Int32Array of `document << 3 | field flags`. Built once; a word costs one Map entry and a few bytes per
 * document, where two JS arrays per word cost hundreds of bytes at 100k documents.
 */

/** Where a word occurs in a document: bit flags, so postings carry the field and documents need no word sets. */
export const IN_PHRASE = 1;
export const IN_TAG = 2;
export const IN_BODY = 4;
const FLAG_BITS = 3;
const FLAG_MASK = (1 << FLAG_BITS) - 1;

/** Assigns dense ids to words as they are first seen. */
export class WordIds {
  readonly ids = new Map<string, number>();

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
    }
    return id;
  }
}

export class Postings {
  /** Where each word's run starts in `packed` (word w owns packed[start[w]] … packed[start[w + 1] - 1]). */
  private readonly start: Int32Array;
  private readonly packed: Int32Array;
  /** In how many documents each word occurs in a title or alias. */
  readonly phraseDocFreq: Int32Array;

  /** perDoc: for each document in order, its words as `wordId << 3 | flags`. */
  constructor(perDoc: readonly Int32Array[], wordCount: number) {
    this.start = new Int32Array(wordCount + 1);
    this.phraseDocFreq = new Int32Array(wordCount);
    for (const words of perDoc) {
      for (const w of words) {
        this.start[(w >>> FLAG_BITS) + 1]! += 1;
        if (w & IN_PHRASE) this.phraseDocFreq[w >>> FLAG_BITS]! += 1;
      }
    }
    for (let w = 0; w < wordCount; w++) this.start[w + 1]! += this.start[w]!;
    this.packed = new Int32Array(this.start[wordCount]!);
    const fill = this.start.slice(0, wordCount);
    perDoc.forEach((words, doc) => {
      for (const w of words) this.packed[fill[w >>> FLAG_BITS]!++] = (doc << FLAG_BITS) | (w & FLAG_MASK);
    });
  }

  /** Calls back with every document the word occurs in and its field flags. */
  forEach(word: number, fn: (doc: number, flags: number) => void): void {
    for (let j = this.start[word]!, end = this.start[word + 1]!; j < end; j++) {
      const p = this.packed[j]!;
      fn(p >>> FLAG_BITS, p & FLAG_MASK);
    }
  }

  /** Where a word occurs in a document (0 when it does not): binary search in the word's run. */
  flagsOf(word: number, doc: number): number {
    let lo = this.start[word]!;
    let hi = this.start[word + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.packed[mid]!;
      const d = p >>> FLAG_BITS;
      if (d === doc) return p & FLAG_MASK;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}

/** A document's words with their field flags, packed the way Postings takes them. */
export function packDocWords(flags: ReadonlyMap<number, number>): Int32Array {
  const out = new Int32Array(flags.size);
  let i = 0;
  for (const [word, f] of flags) out[i++] = (word << FLAG_BITS) | f;
  return out;
}
