/**
 * The packed BM25 against MiniSearch itself, the reference: same documents, same tokenizer, same field weights —
 * same documents in the same order with the same scores, on the real topics and on thousands of synthetic ones.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { syntheticKnowledge } from '../../src/bench/synthetic.js';
import { loadKnowledge, type Topic } from '../../src/knowledge/index.js';
import { Bm25Index } from '../../src/search/bm25.js';
import { BM25_BOOSTS } from '../../src/search/topic-ranker.js';
import { contentTokensOf } from '../../src/text/tokens.js';
import { Lexicon } from '../../src/text/lexicon.js';
import { normalize } from '../../src/text/normalize.js';

const knowledge = loadKnowledge();
const lexicon = new Lexicon(knowledge.lexicon);
const tokenize = (text: string) => {
  const rewritten = lexicon.rewrite(normalize(text));
  return contentTokensOf(rewritten ? rewritten.split(' ') : [], lexicon);
};
const fieldsOf = (t: Topic) => [t.title, t.aliases.join(' \n '), t.examples.join(' \n '), t.tags.join(' ')];

function both(topics: readonly Topic[]) {
  const ours = new Bm25Index(
    topics.map((t) => fieldsOf(t).map(tokenize)),
    [BM25_BOOSTS.title, BM25_BOOSTS.aliases, BM25_BOOSTS.examples, BM25_BOOSTS.tags],
  );
  const ref = new MiniSearch<{ id: number }>({
    fields: ['title', 'aliases', 'examples', 'tags'],
    idField: 'id',
    tokenize,
    processTerm: (t) => t || null,
    searchOptions: { boost: BM25_BOOSTS, fuzzy: false, prefix: false },
  });
  ref.addAll(
    topics.map((t, id) => {
      const [title, aliases, examples, tags] = fieldsOf(t);
      return { id, title, aliases, examples, tags };
    }),
  );
  return (question: string, limit: number) => {
    const counts = new Map<string, number>();
    for (const w of tokenize(question)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const got = counts.size ? ours.search(counts, limit) : [];
    // Every occurrence queried, as MiniSearch would be asked plainly.
    const want = ref
      .search(tokenize(question).join(' '), { tokenize: (q) => q.split(' ').filter(Boolean) })
      .slice(0, limit);
    return { got, want };
  };
}

const questions = [
  ...knowledge.topics.flatMap((t) => t.examples.slice(0, 3)),
  'do i need an amp for 250 ohm headphones',
  'my headphones are quiet when plugged into the interface and '.repeat(40),
  'hiss hiss hiss noise floor iem',
  'zzz qqq nothing known',
  'a',
];

describe('packed BM25 = MiniSearch', () => {
  it.each([
    ['the real topics', knowledge.topics],
    ['the real topics plus 3,000 synthetic ones', [...knowledge.topics, ...syntheticKnowledge(10_000).topics]],
  ])('%s: same documents, order and scores', (_name, topics) => {
    const search = both(topics);
    let compared = 0;
    for (const q of questions) {
      const { got, want } = search(q, 15);
      expect(
        got.map((h) => h.doc),
        q,
      ).toEqual(want.map((h) => h.id));
      got.forEach((h, i) => {
        expect(h.score).toBeCloseTo(want[i]!.score, 9);
      });
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(questions.length * 5);
  });
});
