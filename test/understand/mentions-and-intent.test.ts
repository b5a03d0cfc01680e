/**
 * Names in free text as people type them, and questions that ask for a method rather than a device's figures — read
 * through the real knowledge.
 */
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { understand } from '../../src/understand/message.js';

const brain = new Brain(loadKnowledge());
const mentioned = (text: string) => understand(text, brain.devices).understanding.mentions.map((m) => m.id);

describe('a brand in front of a short form names the device', () => {
  it.each([
    ['is the jds atom any good', 'jds-labs-atom-amp-2'],
    ['jds labs atom or a magni?', 'jds-labs-atom-amp-2'],
  ])('%s', (text, id) => {
    expect(mentioned(text)).toContain(id);
  });

  it('a model word after a name is another model, named as unknown, never answered as this one', () => {
    const read = understand('do i need an amp for the dt 990 pro x', brain.devices);
    expect(read.understanding.mentions).toEqual([]);
    expect(read.near.map((n) => n.text)).toEqual(['dt 990 pro x']);
    expect(mentioned('my dt 770 pro studio headphones')).toContain('beyerdynamic-dt770-pro-250');
  });

  it('but the short form alone is an everyday word, not a name', () => {
    expect(mentioned('an atom of doubt about my amp')).not.toContain('jds-labs-atom-amp-2');
  });
});

describe('asking how to work something out is a topic, with the device as its example', () => {
  it('"how do you calculate … e.g. the jds atom" answers the method, not the device card', () => {
    const a = brain.ask('how do you calculate the current from the power spec, e.g. the jds atom?');
    expect(a.kind).toBe('faq');
  });

  it('a device and a facts word is still the device card', () => {
    expect(brain.ask('jds atom specs').kind).toBe('device');
  });
});
