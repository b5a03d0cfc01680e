import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { CATALOGUE_IDS } from '../catalogue.js';
import { FAQ_PARAPHRASES } from '../fixtures/faq-paraphrases.js';

const brain = new Brain(loadKnowledge());

describe('FAQ catalogue', () => {
  it('has every catalogue id', () => {
    const missing = CATALOGUE_IDS.filter((id) => !brain.topics.has(id));
    expect(missing).toEqual([]);
  });

  it.each(CATALOGUE_IDS)('%s answers its own title as the top hit', (id) => {
    const answer = brain.ask(brain.topics.get(id)!.title);
    expect(answer.kind).toBe('faq');
    expect(answer.kind === 'faq' && answer.topic.id).toBe(id);
  });

  it.each(CATALOGUE_IDS)('%s answers paraphrases typed differently', (id) => {
    const phrasings = FAQ_PARAPHRASES[id] ?? [];
    expect(phrasings.length).toBeGreaterThanOrEqual(2);
    const got = phrasings.map((q) => {
      const a = brain.ask(q);
      return { q, got: a.kind === 'faq' ? a.topic.id : a.kind };
    });
    const right = got.filter((g) => g.got === id);
    // at least two paraphrases per topic must reach it as the top hit
    expect(right.length, JSON.stringify(got, null, 1)).toBeGreaterThanOrEqual(2);
  });
});

describe('search tolerates typos, plurals, punctuation and case', () => {
  it.each([
    ['headfones input or ouput', 'headphones-input-or-output'],
    ['is a headset a input device?', 'headset-vs-headphones'],
    ['ARE HEADPHONES INPUT OR OUTPUT???', 'headphones-input-or-output'],
    ['are microphones inputs', 'microphone-input-or-output'],
    ['dB/mW vs dB/V', 'sensitivity-explained'],
  ])('%s → %s', (q, id) => {
    const a = brain.ask(q);
    expect(a.kind === 'faq' ? a.topic.id : a.kind).toBe(id);
  });
});

describe('questions the knowledge base does not answer', () => {
  const own = readFileSync(new URL('../eval/own-questions.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; question: string; accept: { none?: boolean } })
    .filter((c) => c.accept.none);

  it.each(['how do I bake sourdough bread', 'what is the capital of France', '', '!!!???', 'asdfghjkl qwerty'])(
    '"%s" gives none',
    (q) => {
      expect(brain.ask(q).kind).toBe('none');
    },
  );

  it('off-topic questions from the own evaluation set give none (at least 90%)', () => {
    expect(own.length).toBeGreaterThanOrEqual(20);
    const wrong = own.filter((c) => brain.ask(c.question).kind !== 'none').map((c) => c.question);
    expect(wrong.length / own.length, wrong.join('\n')).toBeLessThanOrEqual(0.1);
  });

  it('offers close topics as suggestions for a weak match, never as the answer', () => {
    // One generic word fits many topics equally: no topic is stated, the closest are offered.
    const a = brain.ask('headphones');
    expect(a.kind).toBe('none');
    if (a.kind !== 'none') return;
    expect(a.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(a.suggestions.every((s) => brain.topics.has(s.id))).toBe(true);
  });
});

describe('autocomplete', () => {
  it('ranks topics whose title starts with the typed text first', () => {
    const titles = brain.completeTopics('are head').map((t) => t.id);
    expect(titles[0]).toBe('headphones-input-or-output');
  });
  it('returns at most 25 topics for empty input', () => {
    expect(brain.completeTopics('').length).toBeLessThanOrEqual(25);
    expect(brain.completeTopics('').length).toBeGreaterThan(0);
  });
  it('tolerates a typo', () => {
    expect(brain.completeTopics('balansed').length).toBeGreaterThan(0);
  });
});
