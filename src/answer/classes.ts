/**
 * Device classes for estimates (README "Class estimates"): the sourced members of each source class, and groups of
 * sourced headphones built alike. A device known by name only is answered from its class's members — the spread
 * of what they do, labelled as an estimate — never from one other product's figures.
 */
import { buildSourceModel, hasLevel, type HeadphoneSpec, type SourceOutput } from '../engine/index.js';
import {
  SOURCE_CLASS_IDS,
  type HeadphoneDevice,
  type KnownDevice,
  type SourceClassId,
  type SourceDevice,
} from '../knowledge/index.js';
import { headphoneSpec, sourceOutputs } from './device-specs.js';

/** Each class in words: one member, and the members together. */
export const CLASS_WORDS: Record<SourceClassId, { one: string; many: string }> = {
  'phone-dongle': { one: 'phone or phone adapter', many: "phones and phone makers' adapters" },
  'dac-dongle': { one: 'DAC dongle', many: 'DAC dongles and Bluetooth receivers' },
  laptop: { one: 'laptop jack', many: 'laptop jacks' },
  'onboard-audio': { one: 'motherboard audio output', many: 'motherboard audio outputs' },
  'budget-interface': { one: 'budget audio interface', many: 'budget audio interfaces' },
  'mid-interface': { one: 'mid-range audio interface', many: 'mid-range audio interfaces' },
  'desktop-amp': { one: 'desktop headphone amp', many: 'desktop headphone amps and DAC/amps' },
  'portable-amp': { one: 'portable DAC/amp', many: 'portable DAC/amps' },
  'console-controller': { one: 'game controller or console jack', many: 'game controller and console jacks' },
  recorder: { one: 'recorder or small mixer', many: 'recorders and small mixers' },
};

/** The engine's typical sources for impedance-only answers (engine/impedance-only.ts), as a table row names them. */
export const TYPICAL_SOURCE_WORDS: Record<string, string> = {
  phone_dongle: 'Phone / dongle',
  laptop: 'Laptop jack',
  budget_interface: 'Budget interface',
  desktop_amp: 'Desktop amp',
};

/**
 * Knob: an estimate reads at most this many members of a class or group (200). A larger one is read through an even
 * sample in knowledge order — the 10th–90th percentile range of 200 members is as good a summary as that of 2,000,
 * and the cost of an answer stays flat as the catalogue grows. Answers say "200 of the 2,000".
 */
export const MAX_ESTIMATE_MEMBERS = 200;

/** Every (length / max)-th item, deterministic; the whole list when it is short enough. */
export function evenSample<T>(list: readonly T[], max: number = MAX_ESTIMATE_MEMBERS): T[] {
  if (list.length <= max) return [...list];
  const step = list.length / max;
  return Array.from({ length: max }, (_, i) => list[Math.floor(i * step)]!);
}

/** "24 sourced DAC dongles", or "200 of the 2,000 sourced DAC dongles" when a sample was read. */
export function countOf(used: number, total: number, what: string): string {
  return used < total ? `${used} of the ${total.toLocaleString('en')} sourced ${what}` : `${used} sourced ${what}`;
}

/** A class needs at least this many sourced members to stand for its class; with fewer it borrows (below). */
export const MIN_CLASS_MEMBERS = 3;

/**
 * Where a class with too few sourced members borrows from, nearest first, and why the outputs are alike: a
 * controller's jack and a laptop's are small codec outputs like a phone's; motherboard codecs are the laptop parts;
 * a recorder's or small mixer's headphone amp is interface-class; a mid-range interface is at least a budget one; a
 * portable DAC/amp is at least a DAC dongle.
 */
export const CLASS_FALLBACK: Partial<Record<SourceClassId, SourceClassId[]>> = {
  'console-controller': ['phone-dongle'],
  laptop: ['phone-dongle'],
  'onboard-audio': ['laptop', 'phone-dongle'],
  recorder: ['budget-interface'],
  'mid-interface': ['budget-interface'],
  'portable-amp': ['dac-dongle'],
  'dac-dongle': ['portable-amp'],
};

export interface SourceMember {
  device: KnownDevice & SourceDevice;
  outputs: SourceOutput[];
}

export interface HeadphoneMember {
  device: KnownDevice & HeadphoneDevice;
  spec: HeadphoneSpec;
}

/** The class a source is estimated from: its own, or the fallback when its own has no sourced member. */
export interface SourceClassUse {
  cls: SourceClassId;
  /** The class whose members are used (differs from cls when borrowed). */
  from: SourceClassId;
  /** The members read (an even sample when the class is larger than MAX_ESTIMATE_MEMBERS). */
  members: SourceMember[];
  /** How many sourced members the class has. */
  total: number;
}

/** Headphones built alike: in-ear or full-size, the driver type, and for dynamics the impedance band. */
export function headphoneGroup(d: HeadphoneDevice, impedanceOhm?: number): string {
  const fit = d.form === 'iem' || d.form === 'earbud' ? 'in-ear' : d.form === 'headset' ? 'headset' : 'full-size';
  const band =
    d.driver === 'dynamic' && impedanceOhm !== undefined ? (impedanceOhm >= 100 ? ' ≥100 Ω' : ' <100 Ω') : '';
  return `${fit} ${d.driver}${band}`;
}

/** True when a source has at least one output with a level figure (the engine can compute it). */
function computable(outputs: SourceOutput[]): boolean {
  return outputs.some((o) => {
    const sets = [o.spec, ...(o.spec.gainModes ?? [])];
    return sets.some((f) => {
      const built = buildSourceModel(f);
      return built.ok && hasLevel(built.model);
    });
  });
}

export class DeviceClasses {
  private readonly sources = new Map<SourceClassId, SourceMember[]>();
  private readonly headphones = new Map<string, HeadphoneMember[]>();

  constructor(devices: readonly KnownDevice[]) {
    for (const id of SOURCE_CLASS_IDS) this.sources.set(id, []);
    for (const d of devices) {
      if (d.type === 'source') {
        const outputs = sourceOutputs(d).source.outputs;
        if (!d.headphonesVia && computable(outputs)) this.sources.get(d.class)?.push({ device: d, outputs });
      } else {
        const built = headphoneSpec(d);
        if (!built?.spec.sensitivity) continue;
        for (const key of [headphoneGroup(d, built.spec.impedanceOhm), headphoneGroup(d)]) {
          const list = this.headphones.get(key) ?? [];
          list.push({ device: d, spec: built.spec });
          this.headphones.set(key, list);
        }
      }
    }
  }

  /** The sourced members of a class (its own; possibly none). */
  membersOf(cls: SourceClassId): SourceMember[] {
    return this.sources.get(cls) ?? [];
  }

  private used(cls: SourceClassId, from: SourceClassId, all: SourceMember[]): SourceClassUse {
    return { cls, from, members: evenSample(all), total: all.length };
  }

  /**
   * The members an estimate for this class uses: its own when there are at least MIN_CLASS_MEMBERS, else the first
   * fallback class that has that many; else its own few (or null when it has none).
   */
  use(cls: SourceClassId): SourceClassUse | null {
    const own = this.membersOf(cls);
    if (own.length >= MIN_CLASS_MEMBERS) return this.used(cls, cls, own);
    for (const fallback of CLASS_FALLBACK[cls] ?? []) {
      const borrowed = this.membersOf(fallback);
      if (borrowed.length >= MIN_CLASS_MEMBERS) return this.used(cls, fallback, borrowed);
    }
    return own.length > 0 ? this.used(cls, cls, own) : null;
  }

  /**
   * Sourced headphones built like this one (same fit, driver and, for dynamics, impedance band): an even sample of
   * at most MAX_ESTIMATE_MEMBERS, and how many there are.
   */
  headphonesLike(d: HeadphoneDevice, impedanceOhm?: number): { members: HeadphoneMember[]; total: number } {
    const all = (this.headphones.get(headphoneGroup(d, impedanceOhm)) ?? []).filter((m) => m.device.id !== d.id);
    return { members: evenSample(all), total: all.length };
  }
}
