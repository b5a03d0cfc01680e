import type { HeadphoneSpec, SourceSpec } from '../../src/engine/index.js';

export const hd600Ambiguous: HeadphoneSpec = {
  impedanceOhm: 300,
  sensitivity: { value: 97, unit: 'unknown' },
  driver: 'dynamic',
};
export const hd600PerMw: HeadphoneSpec = {
  impedanceOhm: 300,
  sensitivity: { value: 97, unit: 'dB/mW' },
  driver: 'dynamic',
};
export const hd650: HeadphoneSpec = { impedanceOhm: 300, sensitivity: { value: 103, unit: 'dB/V' }, driver: 'dynamic' };
export const dt770: HeadphoneSpec = { impedanceOhm: 250, sensitivity: { value: 96, unit: 'dB/mW' }, driver: 'dynamic' };
export const sundara: HeadphoneSpec = {
  impedanceOhm: 38,
  sensitivity: { value: 105.7, unit: 'dB/V' },
  driver: 'planar',
};
export const m50x: HeadphoneSpec = { impedanceOhm: 38, sensitivity: { value: 99, unit: 'dB/mW' }, driver: 'dynamic' };

/** MacBook (Apple HT212856): 1.25 Vrms below 150 Ω, 3 Vrms from 150 Ω to 1 kΩ. Output impedance not stated. */
export const macbook: SourceSpec = {
  gainModes: [
    { name: 'low-impedance', loadRangeOhm: { max: 150 }, voltages: [{ vrms: 1.25 }] },
    { name: 'high-impedance', loadRangeOhm: { min: 150, max: 1000 }, voltages: [{ vrms: 3 }] },
  ],
};
/** Scarlett 2i2 4th Gen as quoted (with the stated 50 Ω). */
export const scarlett: SourceSpec = {
  voltages: [
    { dbu: 2.5, loadOhm: 33 },
    { dbu: 10, loadOhm: 300 },
  ],
  powerRatings: [
    { mw: 32, loadOhm: 33 },
    { mw: 22, loadOhm: 300 },
  ],
  outputImpedanceOhm: 50,
};
export const phone: SourceSpec = { voltages: [{ vrms: 1 }], outputImpedanceOhm: 1 };
export const desktop: SourceSpec = { voltages: [{ vrms: 7 }], outputImpedanceOhm: 0.5 };
