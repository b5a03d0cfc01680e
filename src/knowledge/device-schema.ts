/**
 * zod schemas for device files (knowledge/devices/headphones/*.yaml, knowledge/devices/sources/*.yaml).
 * Every figure is a list of sourced readings: where specs conflict, both stay, each with its URL.
 */
import { z } from 'zod';
import { KEBAB_ID } from './faq-schema.js';
import { RANGES } from '../ranges.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * What the page a figure was read from is (the evidence policy, README "Evidence policy"):
 * - maker: the maker's own page, spec sheet or manual (a copy of the maker's document counts; say where in `via`);
 * - maker-quoted: the maker's figures reproduced elsewhere (a review's spec box, a retailer, a dataset of maker specs);
 * - measured: a measurement — the page is the measurement report, or a dataset that transcribes one figure for
 *   figure (`via` names the dataset); `by` says who measured;
 * - second-hand: a forum post, blog or article repeating a number from elsewhere without being its report.
 */
export const BASES = ['maker', 'maker-quoted', 'measured', 'second-hand'] as const;
export type Basis = (typeof BASES)[number];

/** Where a figure was read. */
export const Provenance = {
  /** The page the figure was read from. Required: a figure without a source is left out. */
  url: httpUrl,
  basis: z.enum(BASES, { error: `basis must be one of ${BASES.join(', ')}` }),
  /** Who measured (required for measured figures): "AudioScienceReview", "Hi-Fi News (lab report)". */
  by: z.string().trim().min(2).max(80).optional(),
  /** The transcription or copy the figure was read through, when the page is not the original. */
  via: z.string().trim().min(2).max(120).optional(),
  /** Measurement conditions as printed: frequency, load, reference level ("1 kHz", "into 32 Ω"). */
  conditions: z.string().max(200).optional(),
  note: z.string().max(300).optional(),
};

/** A measured figure must say who measured it. */
const measuredHasBy = (f: { basis: Basis; by?: string | undefined }) => f.basis !== 'measured' || Boolean(f.by);
const MEASURED_BY = { message: 'a measured figure needs `by` (who measured it)', path: ['by'] };

const finite = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .finite()
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);

export const ImpedanceFigure = z
  .strictObject({ ohms: finite(RANGES.impedanceOhm.min, RANGES.impedanceOhm.max, 'impedance (Ω)'), ...Provenance })
  .refine(measuredHasBy, MEASURED_BY);
export const ImpedanceRangeFigure = z
  .strictObject({
    minOhms: finite(RANGES.impedanceOhm.min, RANGES.impedanceOhm.max, 'minimum impedance (Ω)'),
    maxOhms: finite(RANGES.impedanceOhm.min, RANGES.impedanceOhm.max, 'maximum impedance (Ω)'),
    ...Provenance,
  })
  .refine((r) => r.maxOhms >= r.minOhms, { message: 'maxOhms must be at least minOhms', path: ['maxOhms'] })
  .refine(measuredHasBy, MEASURED_BY);
export const SensitivityFigure = z
  .strictObject({
    db: finite(RANGES.sensitivityDb.min, RANGES.sensitivityDb.max, 'sensitivity (dB SPL)'),
    /** 'unknown' when the page prints "97 dB" without saying per mW or per V: the engine evaluates both. */
    per: z.enum(['mW', 'V', 'unknown']),
    ...Provenance,
  })
  .refine(measuredHasBy, MEASURED_BY);
export const PowerHandlingFigure = z
  .strictObject({ mw: finite(1, 100_000, 'power handling (mW)'), ...Provenance })
  .refine(measuredHasBy, MEASURED_BY);

const DeviceBase = {
  id: z.string().regex(KEBAB_ID, 'must be kebab-case'),
  brand: z.string().trim().min(1).max(40),
  model: z.string().trim().min(1).max(80),
  /** Other names people type: "hd600", "HD-600", "sennheiser 600". */
  aliases: z.array(z.string().trim().min(2).max(100)).default([]),
  /** Devices that are variants of one product share a family id (e.g. beyerdynamic-dt770-pro). */
  family: z.string().regex(KEBAB_ID).optional(),
  /** What distinguishes this variant inside its family: "250 Ω", "4th Gen", "US model". */
  variant: z.string().max(40).optional(),
  /** The variant to assume when a question names the family only. */
  familyDefault: z.boolean().optional(),
  /** Official product page or other general reference. */
  url: httpUrl.optional(),
  notes: z.string().max(500).optional(),
};

export const HeadphoneDevice = z.strictObject({
  ...DeviceBase,
  type: z.literal('headphone'),
  form: z.enum(['over-ear', 'on-ear', 'iem', 'earbud', 'headset']),
  back: z.enum(['open', 'closed', 'semi-open']).optional(),
  driver: z.enum(['dynamic', 'planar', 'balanced-armature', 'hybrid', 'electrostatic']),
  impedance: z.array(ImpedanceFigure).default([]),
  impedanceRange: z.array(ImpedanceRangeFigure).optional(),
  sensitivity: z.array(SensitivityFigure).default([]),
  maxPower: z.array(PowerHandlingFigure).optional(),
});
export type HeadphoneDevice = z.infer<typeof HeadphoneDevice>;

/** A maximum output level: Vrms, dBu or dBV, either open-circuit (no load) or into a stated load. */
export const LevelFigure = z
  .strictObject({
    value: finite(-60, 100, 'level'),
    unit: z.enum(['Vrms', 'dBu', 'dBV']),
    /** Load the level was specified into; omit for open circuit / unloaded. */
    loadOhms: finite(1, 1_000_000, 'load (Ω)').optional(),
    ...Provenance,
  })
  .refine(measuredHasBy, MEASURED_BY);
export const PowerFigure = z
  .strictObject({
    mw: finite(0.01, 100_000, 'power (mW)'),
    loadOhms: finite(RANGES.impedanceOhm.min, RANGES.impedanceOhm.max, 'load (Ω)'),
    ...Provenance,
  })
  .refine(measuredHasBy, MEASURED_BY);
export const OutputImpedanceFigure = z
  .strictObject({
    ohms: finite(RANGES.outputImpedanceOhm.min, RANGES.outputImpedanceOhm.max, 'output impedance (Ω)'),
    ...Provenance,
  })
  .refine(measuredHasBy, MEASURED_BY);
export const CurrentFigure = z
  .strictObject({ ma: finite(0.1, 10_000, 'current (mA)'), ...Provenance })
  .refine(measuredHasBy, MEASURED_BY);
export const NoiseFigure = z
  .strictObject({ uv: finite(0.01, 10_000, 'output noise (µV)'), ...Provenance })
  .refine(measuredHasBy, MEASURED_BY);

export const SourceOutput = z.strictObject({
  /** "Headphone out", "4.4 mm balanced", "High gain". */
  name: z.string().trim().min(1).max(60),
  connector: z.enum(['3.5mm', '6.35mm', '4.4mm', '2.5mm', 'xlr4', 'usb-c', 'lightning', 'other']).optional(),
  balanced: z.boolean().default(false),
  gain: z.string().max(30).optional(),
  /**
   * For outputs that switch automatically with the load (a Mac's high-impedance mode): the loads it applies to, min ≤
   * Z < max.
   */
  loadRangeOhms: z
    .strictObject({
      min: finite(0, 1_000_000, 'load range min (Ω)').optional(),
      max: finite(1, 1_000_000, 'load range max (Ω)').optional(),
    })
    .optional(),
  level: z.array(LevelFigure).default([]),
  power: z.array(PowerFigure).default([]),
  outputImpedance: z.array(OutputImpedanceFigure).default([]),
  maxCurrent: z.array(CurrentFigure).optional(),
  noise: z.array(NoiseFigure).optional(),
});
export type SourceOutput = z.infer<typeof SourceOutput>;

/**
 * The class a source is estimated from when its own figures are not published (README "Class estimates"): the spread
 * of the sourced devices of the same class. Each class groups outputs built alike, not products sold alike.
 */
export const SOURCE_CLASS_IDS = [
  'phone-dongle', // phones with a jack and the phone makers' own USB-C/Lightning adapters
  'dac-dongle', // enthusiast DAC dongles and Bluetooth receivers (FiiO KA/BTR, DragonFly, Moondrop Dawn…)
  'laptop', // a laptop's or all-in-one's headphone jack
  'onboard-audio', // a desktop motherboard's codec (front panel / rear green jack)
  'budget-interface', // USB audio interfaces up to about 4 in/4 out (Scarlett, UMC, MOTU M, Volt…)
  'mid-interface', // larger or premium interfaces (RME, Apogee, Audient iD14/iD44, UA Apollo…)
  'desktop-amp', // desktop headphone amps and DAC/amps
  'portable-amp', // battery-powered DAC/amps and DAPs
  'console-controller', // game controllers' and consoles' headphone jacks
  'recorder', // field recorders and small mixers
] as const;
export type SourceClassId = (typeof SOURCE_CLASS_IDS)[number];

export const SourceDevice = z.strictObject({
  ...DeviceBase,
  type: z.literal('source'),
  category: z.enum([
    'interface',
    'dongle',
    'phone',
    'computer',
    'desktop-amp',
    'portable-amp',
    'dac-amp',
    'mixer',
    'recorder',
    'console',
  ]),
  class: z.enum(SOURCE_CLASS_IDS, { error: `class must be one of ${SOURCE_CLASS_IDS.join(', ')}` }),
  /**
   * For a device with no analogue headphone output of its own (a phone without a jack): the id of the adapter people
   * plug headphones into. Matches use the adapter's figures, and the answer says so.
   */
  headphonesVia: z.string().regex(KEBAB_ID).optional(),
  outputs: z.array(SourceOutput).min(1, 'a source needs at least one output'),
});
export type SourceDevice = z.infer<typeof SourceDevice>;

export const Device = z.discriminatedUnion('type', [HeadphoneDevice, SourceDevice]);
export type Device = z.infer<typeof Device>;

/** One YAML file holds a list of devices (usually one brand). */
export const DeviceFile = z.strictObject({ devices: z.array(z.unknown()).min(1) });
