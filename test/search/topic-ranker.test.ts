/**
 * The pooled FAQ ranking: every topic has example questions as people ask them, the ranker puts each topic's own
 * examples first, generalises to examples it was not trained on, reads the domain lexicon, and is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { gearWords } from '../../src/search/gear-words.js';
import { TopicRanker } from '../../src/search/topic-ranker.js';
import { Lexicon } from '../../src/text/lexicon.js';

const knowledge = loadKnowledge();
const brain = new Brain(knowledge);
const lexicon = new Lexicon(knowledge.lexicon);

const NEW_TOPICS = [
  'others-hear-my-audio',
  'headphone-out-as-line-source',
  'usb-c-adapters',
  'burn-in',
  'two-headphones-one-output',
  'sound-in-one-ear',
  'amp-gain-setting',
  'cue-mixes',
  'mic-adapters-xlr-3-5mm',
  'recording-latency-offset',
  'wrong-jack-damage',
  'headphones-while-recording',
  'safe-listening-levels',
  'headphone-cables-sound',
  'virtual-surround',
  'quiet-microphone',
  'no-mic-signal',
  'bluetooth-headset-mode',
  'usb-vs-3-5mm-headphones',
  'headphones-on-consoles',
  'headphone-eq',
  'volume-and-gain-staging',
  'long-headphone-cables',
  'dbu-dbv-vrms',
  'first-audio-interface',
];

describe('example questions', () => {
  it('every new topic exists', () => {
    for (const id of NEW_TOPICS) expect(brain.topics.has(id), id).toBe(true);
  });
  it('every topic has at least 8 example questions', () => {
    const short = knowledge.topics.filter((t) => t.examples.length < 8).map((t) => `${t.id} (${t.examples.length})`);
    expect(short).toEqual([]);
  });
  it("every topic's example questions rank it first", () => {
    const wrong: string[] = [];
    for (const t of knowledge.topics) {
      for (const e of t.examples) {
        const top = brain.rankTopics(e, 1)[0];
        if (top?.topic.id !== t.id) wrong.push(`${t.id} ← ${e.slice(0, 60)} → ${top?.topic.id}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('generalisation', () => {
  // Every third topic, trained without its own examples, then asked them: the rest of the knowledge (title, aliases,
  // answer, the lexicon, the other topics' boundaries) must still find it.
  const held = knowledge.topics.filter((_, i) => i % 3 === 0);
  it(`finds held-out examples of ${held.length} topics (top 1 ≥ 45 %, top 3 ≥ 70 %)`, () => {
    let first = 0;
    let top3 = 0;
    let asked = 0;
    for (const t of held) {
      const without = knowledge.topics.map((x) => (x.id === t.id ? { ...x, examples: [] } : x));
      const ranker = new TopicRanker(without, lexicon, {}, knowledge.offTopic ?? []);
      for (const e of t.examples) {
        const ranked = ranker.rank(e, 3).ranked;
        asked += 1;
        if (ranked[0]?.topic.id === t.id) first += 1;
        if (ranked.some((r) => r.topic.id === t.id)) top3 += 1;
      }
    }
    expect(first / asked).toBeGreaterThanOrEqual(0.45);
    expect(top3 / asked).toBeGreaterThanOrEqual(0.7);
  }, 60_000);
});

describe('the domain lexicon is read by every ranker', () => {
  it.each([
    ['how do i hook up my headphones to my mixer', 'how do i connect my headphones to my mixer'],
    ['my headphones are not loud enough on my laptop', 'my headphones are too quiet on my laptop'],
    ['theres a noise floor in my iems', 'theres hiss in my iems'],
  ])('"%s" ranks like "%s"', (a, b) => {
    expect(brain.rankTopics(a, 1)[0]?.topic.id).toBe(brain.rankTopics(b, 1)[0]?.topic.id);
  });
});

describe('multi-word domain terms', () => {
  it('a phrase matches its plural too', () => {
    expect(lexicon.rewrite('how do i avoid ground loops')).toBe('how do i avoid groundloop');
    expect(lexicon.rewrite('both line outs are dead')).toBe('both lineout are dead');
    expect(lexicon.rewrite('groundloopsy')).toBe('groundloopsy');
  });
  it('coined words are terms; a phrase that keeps one of its words is not', () => {
    expect(lexicon.isTerm('groundloop')).toBe(true);
    expect(lexicon.isTerm('outputimpedance')).toBe(true);
    expect(lexicon.isTerm('dac')).toBe(false);
  });
  it('a term outweighs a word that only names the gear ("ground loops with the Icon DAC")', () => {
    const q = 'How do I avoid ground loops with my Icon DAC?';
    expect(brain.rankTopics(q, 1)[0]?.topic.id).toBe('ground-loop-hum');
    const flat = new TopicRanker([...brain.topics.values()], lexicon, {}, knowledge.offTopic ?? [], { termWeight: 1 });
    expect(flat.rank(q, 1).ranked[0]?.topic.id).not.toBe('ground-loop-hum');
  });
});

describe('off-topic questions', () => {
  it('fall into the elsewhere class rather than onto a topic', () => {
    for (const q of [
      'how do i change a flat tire on my bike',
      'what is a good recipe for banana bread',
      'who painted the mona lisa',
    ]) {
      expect(brain.ask(q).kind, q).toBe('none');
    }
  });
  it('questions about the same gear but not its sound are not answered with a topic', () => {
    for (const q of [
      'how do i turn off autocorrect on my iphone',
      'my macbook pro keyboard keys are sticking',
      'how do i screenshot on a pixel phone',
      "what's the best vpn for streaming netflix abroad",
    ]) {
      expect(brain.ask(q).kind, q).toBe('none');
    }
  });
  it("a phrase match alone does not answer a question whose other words are not the domain's", () => {
    // "which … should i buy" is an alias shape of the first-interface topic; "rtx 4080" is not audio
    expect(brain.ask('which rtx 4080 should i get').kind).toBe('none');
  });
});

describe('model numbers of known gear are domain words', () => {
  it('"ksc75s" (a model no topic names) counts towards the domain share', () => {
    const q = 'is tracking only on my ksc75s a bad idea in a tiny apt';
    const plain = new TopicRanker([...brain.topics.values()], lexicon, {}, knowledge.offTopic ?? []);
    const withGear = new TopicRanker(
      [...brain.topics.values()],
      lexicon,
      {},
      knowledge.offTopic ?? [],
      {},
      gearWords(knowledge.devices),
    );
    expect(withGear.rank(q).domainShare).toBeGreaterThan(plain.rank(q).domainShare);
  });
  it('takes model numbers, not brands, years or units', () => {
    const words = gearWords(knowledge.devices);
    for (const w of ['7506', '600', 'hd600', '2i2', 'm50x']) expect(words.has(w), w).toBe(true);
    for (const w of ['sony', 'apple', 'zoom', 'switch', '2021', '250ohm', '3.5']) expect(words.has(w), w).toBe(false);
  });
});

describe('determinism', () => {
  it('two rankers built from the same knowledge rank identically', () => {
    const a = new TopicRanker(knowledge.topics, lexicon, {}, knowledge.offTopic ?? []);
    const b = new TopicRanker(knowledge.topics, lexicon, {}, knowledge.offTopic ?? []);
    for (const q of [
      'do i need an amp for 250 ohm',
      'why is there hiss in my iems',
      'can i use two headphones on one output',
    ]) {
      expect(a.rank(q, 5).ranked.map((r) => [r.topic.id, r.fused])).toEqual(
        b.rank(q, 5).ranked.map((r) => [r.topic.id, r.fused]),
      );
    }
  });
});
