/**
 * Devices known by name only: answered with a labelled class estimate derived from the sourced devices of the class
 * (never another product's figures), in text, JSON and the math — and the estimate moves when sourced devices are
 * added to the class.
 */
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import { headphoneSpec, sourceOutputs } from '../../src/answer/device-specs.js';
import type { Answer } from '../../src/answer/types.js';
import { answerToJson } from '../../src/cli/json.js';
import { loadKnowledge, type KnownDevice } from '../../src/knowledge/index.js';
import { mathStepMarkdown } from '../../src/render/headline.js';

const knowledge = loadKnowledge();
const brain = new Brain(knowledge);

describe('a match with a name-only source', () => {
  const a = brain.match({ headphone: 'sennheiser-hd600', source: 'focusrite-scarlett-solo-3rd-gen' });
  it('is an estimate from the sourced budget interfaces, with the range', () => {
    if (a.kind !== 'match' || a.mode !== 'estimate') throw new Error(`expected an estimate, got ${a.kind}`);
    const members = brain.classes.membersOf('budget-interface');
    expect(members.length).toBeGreaterThanOrEqual(3);
    expect(a.sourceClass).toMatchObject({ id: 'budget-interface', from: 'budget-interface' });
    expect(a.from.map((m) => m.id).sort()).toEqual(members.map((m) => m.device.id).sort());
    expect(a.from.map((m) => m.id)).not.toContain('focusrite-scarlett-solo-3rd-gen');
    expect(a.headline.lead).toMatch(/estimated/);
    expect(a.headline.detail).toMatch(new RegExp(`^Estimated from ${members.length} sourced budget audio interfaces`));
    expect(a.notes.join(' ')).toMatch(/Scarlett Solo 3rd Gen's headphone-output figures are not published/);
    expect(a.math.map(mathStepMarkdown).join(' ')).toMatch(/Lowest of the range: .* headroom/);
  });
  it('never words an estimate as certain, and says depends with both ends when the range straddles a band', () => {
    if (a.kind !== 'match' || a.mode !== 'estimate') throw new Error('expected an estimate');
    expect(a.headline.lead).not.toMatch(/^(Yes|No) —/);
    expect(a.headline.lead).toMatch(/estimated/);
    const { low, high } = a.result;
    if (low && high && low.verdict !== high.verdict) {
      expect(a.result.verdict).toBe('depends');
      expect(a.headline.detail).toMatch(/from .* \(.+\) to .* \(.+\)/);
    }
  });
  it('is labelled in the JSON: estimated, the class and the devices it came from', () => {
    const j = answerToJson(a).match as Record<string, unknown>;
    expect(j.estimated).toBe(true);
    expect(j.mode).toBe('estimate');
    expect((j.class as { id: string }).id).toBe('budget-interface');
    expect((j.from as unknown[]).length).toBeGreaterThanOrEqual(3);
    expect(j.headroomRange).toHaveLength(2);
  });
});

describe('class figures come from sourced devices', () => {
  it('the estimate changes when a sourced device is added to the class', () => {
    const before = brain.match({ headphone: 'sennheiser-hd600', source: 'focusrite-scarlett-solo-3rd-gen' });
    const strong: KnownDevice = {
      id: 'test-loud-interface',
      type: 'source',
      brand: 'Test',
      model: 'Loud Interface',
      aliases: [],
      category: 'interface',
      class: 'budget-interface',
      file: 'test',
      outputs: [
        {
          name: 'Headphone out',
          balanced: false,
          level: [{ value: 9, unit: 'Vrms', url: 'https://example.com/spec', basis: 'maker' }],
          power: [],
          outputImpedance: [],
        },
      ],
    } as KnownDevice;
    const more = new Brain({
      topics: knowledge.topics,
      devices: [...knowledge.devices, strong, { ...strong, id: 'test-loud-2', model: 'Loud Two' } as KnownDevice],
    });
    const after = more.match({ headphone: 'sennheiser-hd600', source: 'focusrite-scarlett-solo-3rd-gen' });
    if (before.kind !== 'match' || before.mode !== 'estimate' || after.kind !== 'match' || after.mode !== 'estimate')
      throw new Error('expected estimates');
    expect(after.from.map((m) => m.id)).toContain('test-loud-interface');
    expect(after.from.length).toBe(before.from.length + 2);
    expect(after.result.high?.headroomDb).toBeGreaterThan(before.result.high?.headroomDb ?? 0);
  });
});

describe("no device is ever answered with another device's figures", () => {
  const families = new Map<string, KnownDevice[]>();
  for (const d of knowledge.devices) if (d.family) families.set(d.family, [...(families.get(d.family) ?? []), d]);
  const multi = [...families].filter(([, m]) => m.length > 1);
  const ownUrls = (d: KnownDevice) =>
    new Set(
      d.type === 'headphone'
        ? (headphoneSpec(d)?.cited ?? []).map((c) => c.url)
        : sourceOutputs(d).cited.map((c) => c.url),
    );
  const usedUrls = (a: Answer) => (a.kind === 'match' && a.mode === 'pair' ? a.cited.map((c) => c.url) : []);

  it('covers every family with generations or variants', () => expect(multi.length).toBeGreaterThan(30));
  it.each(multi.flatMap(([family, members]) => members.map((d) => [family, d.id] as const)))(
    '%s: %s',
    (_family, id) => {
      const d = brain.devices.byId(id)!;
      const a =
        d.type === 'headphone'
          ? brain.match({ headphone: id, source: 'rme-adi-2-dac-fs' })
          : brain.match({ headphone: 'sennheiser-hd650', source: id });
      if (a.kind !== 'match') throw new Error(`${id}: ${a.kind}`);
      const named =
        d.type === 'headphone'
          ? 'headphone' in a
            ? a.headphone?.id
            : undefined
          : 'source' in a
            ? a.source?.id
            : undefined;
      // the answer names this very device (a phone without a jack is answered through its adapter, and says so)
      if (d.type === 'source' && d.headphonesVia)
        expect('notes' in a ? a.notes.join(' ') : '').toMatch(/has no headphone jack/);
      else expect(named).toBe(id);
      if (a.mode === 'pair') {
        // every figure of this device that the answer used is this device's own
        const mine = ownUrls(d);
        const other =
          d.type === 'headphone'
            ? ownUrls(brain.devices.byId('rme-adi-2-dac-fs')!)
            : ownUrls(brain.devices.byId('sennheiser-hd650')!);
        for (const url of usedUrls(a))
          expect(mine.has(url) || other.has(url) || Boolean(d.type === 'source' && d.headphonesVia)).toBe(true);
      } else {
        expect(a.mode).toBe('estimate');
      }
    },
  );
});

describe('do I need an amp, with no source named', () => {
  it('answers DT 990 Pro 250 with its real figures against source classes and common sources', () => {
    const a = brain.ask('do I need an amp for my DT 990 Pro 250');
    if (a.kind !== 'match' || a.mode !== 'sources-table') throw new Error(`expected a sources table, got ${a.kind}`);
    expect(a.headphone?.id).toBe('beyerdynamic-dt990-pro-250');
    // 96 dB/mW at 250 Ω → 102.0 dB/V → 2.51 V for 110 dB
    expect(a.required?.vrms).toBeCloseTo(2.51, 2);
    expect(a.rows.some((r) => r.kind === 'class' && r.estimated)).toBe(true);
    expect(a.rows.some((r) => r.kind === 'device' && !r.estimated)).toBe(true);
    expect(a.rows.find((r) => r.id === 'desktop-amp')?.verdict).toBe('fine');
    expect(a.rows.find((r) => r.id === 'apple-usb-c-to-3-5mm-adapter-us')?.verdict).toBe('needs_amp');
    expect(a.headline.lead).toBe('It depends on your source.');
  });
  it('does the same for any known headphone with figures', () => {
    for (const q of ['do i need an amp for my hd600', 'will my k701 need an amp', 'does the sundara need an amp']) {
      const a = brain.ask(q);
      expect(a.kind === 'match' && a.mode === 'sources-table', q).toBe(true);
    }
  });
});
