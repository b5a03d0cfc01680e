import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { understand } from '../../src/understand/message.js';
import { answerToJson } from '../../src/cli/json.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { answerToMarkdown } from '../../src/render/markdown.js';
import type { SourcesTableAnswer } from '../../src/answer/types.js';

const brain = new Brain(loadKnowledge());
const ask = (q: string) => answerToJson(brain.ask(q));

describe('drive checks typed in chat', () => {
  it.each([
    [
      'will my scarlett 2i2 4th gen run dt770 250 or do i need an amp lol',
      'beyerdynamic-dt770-pro-250',
      'focusrite-scarlett-2i2-4th-gen',
    ],
    ['hd600 on iphone dongle loud enough?', 'sennheiser-hd600', 'apple-lightning-to-3-5mm-adapter'],
    ['Can a Focusrite Scarlett 2i2 drive Sennheiser HD 650?', 'sennheiser-hd650', 'focusrite-scarlett-2i2-4th-gen'],
    ['is my macbook jack enough for hd 6xx', 'sennheiser-hd6xx', 'apple-mac-headphone-jack-2021'],
    ['sundara on a topping l30, enough power?', 'hifiman-sundara', 'topping-l30'],
    ['can the fiio k5 pro drive the he6se v2', 'hifiman-he6se-v2', 'fiio-k5-pro'],
  ])('%s', (q, hp, src) => {
    const a = ask(q);
    expect(a.kind, a.text).toBe('match');
    const m = a.match as { headphone: { id: string }; source: { id: string }; verdict: string };
    expect(m.headphone.id).toBe(hp);
    expect(m.source.id).toBe(src);
  });

  it(
    'asks which one when the family name fits variants with different verdicts (HE6se V1 vs V2 on a FiiO ' + 'K5 Pro)',
    () => {
      const a = ask('can the fiio k5 pro drive the he6se');
      expect(a.kind).toBe('clarify');
      expect(a.text).toMatch(
        /Which HIFIMAN HE6se do you have\? It matters here: .*HE6se V2 — fine.*HE6se V1 — marginal/,
      );
      expect(a.options?.map((o) => o.value)).toEqual(expect.arrayContaining([expect.stringMatching(/he6se v1/)]));
    },
  );

  it('answers raw figures typed in a sentence', () => {
    const m = ask('32 ohm 100 dB/mW headphones on a 1 Vrms output, ok?').match as { verdict: string };
    expect(m.verdict).toBe('fine');
    const n = ask('600 ohm 96 dB/mW cans, my output is 1.2 Vrms with 10 ohm output impedance. enough?').match as {
      verdict: string;
    };
    expect(n.verdict).toBe('needs_amp');
  });

  it('estimates from the sourced phones when only "phone" is named, and says so', () => {
    const a = brain.ask('will my phone drive hd600?');
    if (a.kind !== 'match' || a.mode !== 'estimate') throw new Error(`expected an estimate, got ${a.kind}`);
    expect(a.source).toBeNull();
    expect(a.estimated).toEqual({ headphone: false, source: true });
    expect(a.sourceClass?.from).toBe('phone-dongle');
    expect(a.notes.join(' ')).toMatch(/No exact source named, so this is the range of \d+ sourced phones/);
    // every sourced phone and phone adapter falls short of 110 dB peaks on an HD 600 at full volume
    expect(a.result.high?.headroomDb).toBeLessThan(0);
    expect(a.headline.lead).toMatch(/estimated/);
  });

  it('answers "without an amp?" with no source named as a table of source classes and common sources', () => {
    const a = brain.ask('can i drive my hd650 without an amp?');
    if (a.kind !== 'match' || a.mode !== 'sources-table') throw new Error(`expected a sources table, got ${a.kind}`);
    expect(a.headphone?.id).toBe('sennheiser-hd650');
    expect(a.rows.filter((r) => r.kind === 'class').map((r) => r.id)).toEqual([
      'phone-dongle',
      'laptop',
      'dac-dongle',
      'budget-interface',
      'desktop-amp',
    ]);
    expect(a.rows.filter((r) => r.kind === 'device').map((r) => r.id)).toContain('focusrite-scarlett-2i2-4th-gen');
    expect(a.rows.find((r) => r.id === 'desktop-amp')?.verdict).toBe('fine');
    expect(a.notes.join(' ')).toMatch(/Tell me your source/);
  });

  it('gives the impedance-only depends answer', () => {
    const a = ask('do I need an amp for 250-ohm headphones?');
    expect(a.kind).toBe('match');
    expect(a.match).toMatchObject({ verdict: 'depends', mode: 'impedance-only' });
  });

  it('does not turn impedance comparisons or power-spec questions into drive checks', () => {
    expect(ask('Is 250 or 80 Ohms Better?')).toMatchObject({ kind: 'faq', faq: { id: 'impedance-explained' } });
    expect(ask('If an amp is rated 1 W at 32 ohms, how much power will it give my 300 ohm headphones?')).toMatchObject({
      kind: 'faq',
      faq: { id: 'reading-amp-power-specs' },
    });
  });
});

describe('device questions and FAQ questions', () => {
  it('shows a device card for a bare device name', () => {
    const a = ask('dt 770 pro 80 ohm specs');
    expect(a.kind).toBe('device');
    expect((a.device as { id: string }).id).toBe('beyerdynamic-dt770-pro-80');
    expect(a.text).toMatch(/80 Ω/);
    expect(a.text).toMatch(/https?:\/\//);
  });

  it('keeps FAQ questions on the FAQ', () => {
    expect(ask('are headphones input or output')).toMatchObject({
      kind: 'faq',
      faq: { id: 'headphones-input-or-output' },
    });
    expect(ask('should i plug my headphones into my interface or my pc').kind).toBe('faq');
  });

  it('reports what it understood', () => {
    const { understanding: u } = understand('will my scarlett 2i2 4th gen run dt770 250', brain.devices);
    expect(u.intent).toBe('drive-check');
    expect(u.mentions.map((m) => m.id)).toEqual(['focusrite-scarlett-2i2-4th-gen', 'beyerdynamic-dt770-pro-250']);
  });

  it('reads an impedance question by whole words ("run" is not inside "brunch")', () => {
    expect(understand('do 250 ohm headphones need an amp?', brain.devices).understanding.intent).toBe('impedance-only');
    const q = 'are 250 ohm headphones fine for brunch playlists';
    expect(understand(q, brain.devices).understanding.intent).not.toBe('impedance-only');
  });

  it('reads the variant words right after a family name ("my iphone 15" is the USB-C iPhone, no assumption)', () => {
    const { understanding } = understand('can my iphone 15 drive hd 650', brain.devices);
    expect(understanding.mentions.map((m) => [m.id, m.assumedVariant])).toEqual([
      ['apple-iphone-usb-c', false],
      ['sennheiser-hd650', false],
    ]);
  });

  it('does not read everyday words as device names', () => {
    const { understanding: u } = understand('is zero latency monitoring with a noise gate possible?', brain.devices);
    expect(u.mentions).toEqual([]);
  });
});

describe('comparisons', () => {
  it('says which of two headphones is easier to drive, with the numbers', () => {
    const a = brain.ask('sundara vs hd 560s, which is harder to drive?');
    expect(a.kind).toBe('match');
    if (a.kind !== 'match' || a.mode !== 'compare') throw new Error('expected a comparison');
    expect(a.rows.map((r) => r.device.id).sort()).toEqual(['hifiman-sundara', 'sennheiser-hd560s']);
    // Measured (ASR): HD 560S 106.2 dB/V (maker 110, 3.8 dB apart → the measurement decides) → 1.55 V for 110 dB;
    // Sundara maker 92 dB/mW at 32 Ω = 107.0 dB/V (measurements 104–105.7 agree within 3 dB) → 1.42 V, but 44 mA.
    expect(a.headline.lead).toMatch(/about equally easy to drive/);
    expect(a.notes.join(' ')).toMatch(/Sundara needs less voltage but more current/);
  });
  it('uses a measured sensitivity when the maker figure has no unit', () => {
    const a = brain.ask('hd600 or hd650, which is easier to drive?');
    if (a.kind !== 'match' || a.mode !== 'compare') throw new Error('expected a comparison');
    expect(a.notes.join(' ')).toMatch(/For the Sennheiser HD 600 a measurement decided the sensitivity/);
  });
});

describe('intent on paraphrases', () => {
  it.each([
    'will my scarlett 2i2 4th gen run dt770 250 or do i need an amp lol',
    'is the fiio k3 powerful enough for hd650',
    'hd 6xx on macbook jack loud enough?',
    'can my topping l30 push an he6se',
    'k702 with a dragonfly red, ok?',
    'dt 990 pro 250 plugged into my 2i2 4th gen, will it be loud?',
  ])('%s → drive check', (q) => {
    expect(understand(q, brain.devices).understanding.intent).toBe('drive-check');
  });
  it.each([
    'are headphones input or output',
    'what is the difference between balanced and unbalanced cables',
    'how do I stop the hum from my laptop charger',
    'is 250 or 80 ohm better',
  ])('%s → faq', (q) => {
    expect(understand(q, brain.devices).understanding.intent).toBe('faq');
  });
});

describe('answers fit one Discord embed', () => {
  it.each([
    'will my scarlett 2i2 4th gen run dt770 250',
    'hd600 on iphone dongle loud enough?',
    'do I need an amp for 250-ohm headphones?',
    'hd600 or hd650, which is easier to drive?',
    'dt 770 pro 80 ohm specs',
    'mac headphone jack specs',
  ])('%s', (q) => {
    const text = ask(q).text;
    expect(text.length).toBeGreaterThan(50);
    expect(text.length).toBeLessThanOrEqual(4096);
  });
  it('every FAQ answer fits', () => {
    for (const t of brain.knowledge.topics) expect(ask(t.title).text.length, t.id).toBeLessThanOrEqual(4096);
  });
});

describe('an answer on one ranker’s word alone says it is only the closest topic', () => {
  it('certain when the rankers agree, hedged with the runners-up when only one ranker puts it first', () => {
    const sure = brain.ask('should i plug my headphones into my audio interface');
    expect(sure.kind === 'faq' && sure.certain).toBe(true);
    expect(answerToMarkdown(sure)).not.toMatch(/closest topic I found/);
    const unsure = brain.ask('why does my amp get warm');
    if (unsure.kind !== 'faq') throw new Error(`expected a faq answer, got ${unsure.kind}`);
    expect(unsure.certain).toBe(false);
    const text = answerToMarkdown(unsure);
    expect(text).toMatch(/closest topic I found, and it may not be what you asked/);
    expect(text).toContain(unsure.alternatives[0]!.title);
  });
});

describe('a source the catalogue does not know', () => {
  it.each([
    ['can my sound blaster g6 drive hd600', 'sound blaster g6'],
    ['hd 600 with my xduoo xd05 bal, enough?', 'xduoo xd05 bal'],
  ])('%s: says it does not know the source, then the usual sources', (q, name) => {
    const a = brain.ask(q) as SourcesTableAnswer;
    expect(a.kind === 'match' && a.mode).toBe('sources-table');
    expect(a.notes[0]).toContain(`I don't know the "${name}"`);
    expect(a.confidence).toBeLessThanOrEqual(0.5);
    expect(answerToMarkdown(a)).toContain(`I don't know the "${name}"`);
  });

  it.each(['do i need an amp for my dt 990 pro 250', 'does my hd 600 need an amp'])(
    '%s: the headphones are not taken for an unknown source',
    (q) => {
      const a = brain.ask(q);
      expect(a.kind === 'match' && a.mode).toBe('sources-table');
      expect(JSON.stringify(a)).not.toContain("I don't know the");
    },
  );
});
