/**
 * Every document's title and aliases ("phrases") as word ids, in flat typed arrays: what phrase fit and autocomplete
 * read. Phrase texts are not copied; a phrase's text is its document's title (first phrase) or alias.
 */
import { normalize } from '../text/normalize.js';
import { contentTokensOf } from '../text/tokens.js';
import { EMPTY_LEXICON, type Lexicon } from '../text/lexicon.js';
import type { WordIds } from './postings.js';

export class PhraseTable {
  /** Document d owns phrases first[d] … first[d + 1] - 1; the first of them is its title. */
  readonly first: Int32Array;
  /** The document each phrase belongs to. */
  readonly owner: Int32Array;
  /** Phrase p's distinct content words, in order: words[wordStart[p]] … words[wordStart[p + 1] - 1]. */
  readonly wordStart: Int32Array;
  readonly words: Int32Array;
  /** The phrase without spaces or punctuation ("hd600"), for containment checks and autocomplete keys. */
  readonly compact: string[];

  /** onPhrase sees each phrase's normalised words once, as it is added (autocomplete keys are built from them). */
  constructor(
    docs: readonly (readonly string[])[],
    ids: WordIds,
    onPhrase?: (phrase: number, title: boolean, words: readonly string[]) => void,
    lexicon: Lexicon = EMPTY_LEXICON,
  ) {
    const first: number[] = [0];
    const owner: number[] = [];
    const wordStart: number[] = [0];
    const words: number[] = [];
    this.compact = [];
    docs.forEach((phrases, doc) => {
      phrases.forEach((text, n) => {
        const normalized = normalize(text);
        const ws = normalized ? normalized.split(' ') : [];
        const rewritten = lexicon.rewrite(normalized);
        for (const w of new Set(contentTokensOf(rewritten ? rewritten.split(' ') : [], lexicon)))
          words.push(ids.idOf(w));
        onPhrase?.(owner.length, n === 0, ws);
        wordStart.push(words.length);
        owner.push(doc);
        this.compact.push(ws.join(''));
      });
      first.push(owner.length);
    });
    this.first = Int32Array.from(first);
    this.owner = Int32Array.from(owner);
    this.wordStart = Int32Array.from(wordStart);
    this.words = Int32Array.from(words);
  }

  get size(): number {
    return this.owner.length;
  }
}
