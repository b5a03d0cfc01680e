/**
 * zod schemas for device files (knowledge/devices/headphones/*.yaml, knowledge/devices/sources/*.yaml).
 * Every figure is a list of sourced readings: where specs conflict, both stay, each with its URL.
 */
import { z } from 'zod';
import { KEBAB_ID } from './faq-schema.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** Where a figure was read. */
export const Provenance = {
  /** The page the figure was read from. Required: a figure without a source is left out. */
  url: httpUrl,
  /** manufacturer = the maker's spec sheet/manual; measurement = a measured value (review, lab, dataset of measurements). */
  basis: z.enum(['manufacturer', 'measurement']),
  /** Measurement conditions as printed: frequency, load, reference level ("1 kHz", "into 32 Ω"). */
  conditions: z.string().max(200).optional(),
  note: z.string().max(300).optional(),
};

const finite = (min: number, max: number, what: string) =>
  z.number({ error: `${what} must be a number` }).finite().min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`);

export const ImpedanceFigure = z.strictObject({ ohms: finite(1, 100_000, 'impedance (Ω)'), ...Provenance });
export const ImpedanceRangeFigure = z
  .strictObject({ minOhms: finite(1, 100_000, 'minimum impedance (Ω)'), maxOhms: finite(1, 100_000, 'maximum impedance (Ω)'), ...Provenance })
  .refine((r) => r.maxOhms >= r.minOhms, { message: 'maxOhms must be at least minOhms', path: ['maxOhms'] });
export const SensitivityFigure = z.strictObject({
  db: finite(70, 140, 'sensitivity (dB SPL)'),
  /** 'unknown' when the page prints "97 dB" without saying per mW or per V: the engine evaluates both. */
  per: z.enum(['mW', 'V', 'unknown']),
  ...Provenance,
});
export const PowerHandlingFigure = z.strictObject({ mw: finite(1, 100_000, 'power handling (mW)'), ...Provenance });

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
export const LevelFigure = z.strictObject({
  value: finite(-60, 100, 'level'),
  unit: z.enum(['Vrms', 'dBu', 'dBV']),
  /** Load the level was specified into; omit for open circuit / unloaded. */
  loadOhms: finite(1, 1_000_000, 'load (Ω)').optional(),
  ...Provenance,
});
export const PowerFigure = z.strictObject({ mw: finite(0.01, 100_000, 'power (mW)'), loadOhms: finite(1, 100_000, 'load (Ω)'), ...Provenance });
export const OutputImpedanceFigure = z.strictObject({ ohms: finite(0, 1000, 'output impedance (Ω)'), ...Provenance });
export const CurrentFigure = z.strictObject({ ma: finite(0.1, 10_000, 'current (mA)'), ...Provenance });
export const NoiseFigure = z.strictObject({ uv: finite(0.01, 10_000, 'output noise (µV)'), ...Provenance });

export const SourceOutput = z.strictObject({
  /** "Headphone out", "4.4 mm balanced", "High gain". */
  name: z.string().trim().min(1).max(60),
  connector: z.enum(['3.5mm', '6.35mm', '4.4mm', '2.5mm', 'xlr4', 'usb-c', 'lightning', 'other']).optional(),
  balanced: z.boolean().default(false),
  gain: z.string().max(30).optional(),
  /** For outputs that switch automatically with the load (a Mac's high-impedance mode): the loads it applies to, min ≤ Z < max. */
  loadRangeOhms: z.strictObject({ min: finite(0, 1_000_000, 'load range min (Ω)').optional(), max: finite(1, 1_000_000, 'load range max (Ω)').optional() }).optional(),
  level: z.array(LevelFigure).default([]),
  power: z.array(PowerFigure).default([]),
  outputImpedance: z.array(OutputImpedanceFigure).default([]),
  maxCurrent: z.array(CurrentFigure).optional(),
  noise: z.array(NoiseFigure).optional(),
});
export type SourceOutput = z.infer<typeof SourceOutput>;

export const SourceDevice = z.strictObject({
  ...DeviceBase,
  type: z.literal('source'),
  category: z.enum(['interface', 'dongle', 'phone', 'computer', 'desktop-amp', 'portable-amp', 'dac-amp', 'mixer', 'recorder']),
  outputs: z.array(SourceOutput).min(1, 'a source needs at least one output'),
});
export type SourceDevice = z.infer<typeof SourceDevice>;

export const Device = z.discriminatedUnion('type', [HeadphoneDevice, SourceDevice]);
export type Device = z.infer<typeof Device>;

/** One YAML file holds a list of devices (usually one brand). */
export const DeviceFile = z.strictObject({ devices: z.array(z.unknown()).min(1) });
