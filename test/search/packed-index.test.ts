/**
 * The packed index parts against plain reference implementations on generated data: the typed-array structures must
 * answer exactly what the obvious (slow, memory-hungry) version answers.
 */
import { describe, expect, it } from 'vitest';
import { compact, normalize } from '../../src/text/normalize.js';
import { PhraseTable } from '../../src/search/phrases.js';
import { IN_BODY, IN_PHRASE, IN_TAG, Postings, WordIds, packDocWords } from '../../src/search/postings.js';
import { PrefixKeyCollector } from '../../src/search/prefix-keys.js';
import { topK } from '../../src/search/top-k.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 2 ** 32;
  };
}

describe('topK', () => {
  it('keeps what a stable sort by score keeps, ties going to the earlier item', () => {
    const r = rng(7);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(r() * 300);
      const score = Float64Array.from({ length: 400 }, () => Math.floor(r() * 20)); // many ties
      const items = Array.from({ length: n }, () => Math.floor(r() * 400));
      const unique = [...new Set(items)];
      const k = 1 + Math.floor(r() * 100);
      const expected = [...unique].sort((a, b) => score[b]! - score[a]!).slice(0, k);
      expect(new Set(topK(unique, score, k))).toEqual(new Set(expected));
    }
  });
});

describe('Postings', () => {
  it('finds the same field flags as a plain map, and nothing for absent pairs', () => {
    const r = rng(11);
    const ids = new WordIds();
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`);
    const reference = new Map<string, number>();
    const perDoc = Array.from({ length: 300 }, (_, doc) => {
      const flags = new Map<number, number>();
      for (let k = 0; k < 8; k++) {
        const w = ids.idOf(words[Math.floor(r() * words.length)]!);
        const f = [IN_PHRASE, IN_TAG, IN_BODY][Math.floor(r() * 3)]!;
        flags.set(w, (flags.get(w) ?? 0) | f);
      }
      for (const [w, f] of flags) reference.set(`${w}:${doc}`, f);
      return packDocWords(flags);
    });
    const postings = new Postings(perDoc, ids.ids.size);
    for (let w = 0; w < ids.ids.size; w++) {
      const seen: number[] = [];
      postings.forEach(w, (doc, f) => {
        seen.push(doc);
        expect(f).toBe(reference.get(`${w}:${doc}`));
      });
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      for (let doc = 0; doc < 300; doc++) {
        expect(postings.flagsOf(w, doc)).toBe(reference.get(`${w}:${doc}`) ?? 0);
        if (reference.has(`${w}:${doc}`)) expect(seen).toContain(doc);
      }
      const phraseDocs = seen.filter((doc) => reference.get(`${w}:${doc}`)! & IN_PHRASE).length;
      expect(postings.phraseDocFreq[w]).toBe(phraseDocs);
    }
  });
});

describe('PrefixKeys', () => {
  const r = rng(3);
  const syllables = [
    'hd',
    'dt',
    'pro',
    'ath',
    'm50',
    'x',
    'sen',
    'beyer',
    'aria',
    '600',
    '770',
    'ohm',
    'mk',
    'ii',
    'open',
    'studio',
  ];
  const word = () =>
    Array.from({ length: 1 + Math.floor(r() * 2) }, () => syllables[Math.floor(r() * syllables.length)]).join('');
  const docs = Array.from({ length: 40 }, () =>
    Array.from({ length: 1 + Math.floor(r() * 3) }, () =>
      Array.from({ length: 1 + Math.floor(r() * 4) }, word).join(' '),
    ),
  );
  const collector = new PrefixKeyCollector();
  const phrases = new PhraseTable(docs, new WordIds(), (p, title, words) => collector.add(p, title, words));
  const keys = collector.build(phrases);

  /**
   * The obvious version: every key as a string; a document's rank is its best key's tier (+1 for a whole name typed
   * exactly).
   */
  function reference(typed: string): Map<number, number> {
    const out = new Map<number, number>();
    docs.forEach((names, doc) => {
      names.forEach((name, n) => {
        const title = n === 0;
        const words = normalize(name).split(' ');
        const candidates: [string, number][] = [[compact(name), title ? 3.5 : 3]];
        for (let w = 1; w < Math.min(words.length, 6); w++) candidates.push([words.slice(w).join(''), title ? 2.5 : 2]);
        for (const [key, rank] of candidates) {
          const score = key === typed && rank >= 3 ? rank + 1 : key.startsWith(typed) ? rank : 0;
          if (score > (out.get(doc) ?? 0)) out.set(doc, score);
        }
      });
    });
    return out;
  }

  it('finds every document with a key starting with the typed text, with the rank of its best key', () => {
    const typedSamples = new Set<string>();
    for (const names of docs)
      for (const name of names)
        for (let n = 1; n <= compact(name).length; n++) typedSamples.add(compact(name).slice(0, n));
    typedSamples.add('zzz');
    typedSamples.add('a');
    for (const typed of typedSamples) {
      const got = keys.matches(typed, () => true, 1000);
      expect(new Map([...got].sort((a, b) => a[0] - b[0])), typed).toEqual(
        new Map([...reference(typed)].sort((a, b) => a[0] - b[0])),
      );
    }
  });

  it('honours the filter', () => {
    const even = keys.matches('hd', (doc) => doc % 2 === 0, 1000);
    expect([...even.keys()].every((doc) => doc % 2 === 0)).toBe(true);
  });
});
