/**
 * Every number a person reads, formatted one way on every surface (console, CLI, Discord) and in the engine's own
 * messages: few digits, units attached, the way an engineer would write them. A leaf module (imports nothing), so
 * the engine, the answers and the renderers share it without layering trouble.
 */

/** Volts: 3 significant figures-ish (12.3 V, 2.45 V, 0.316 V, 0.042 V). */
export const V = (v: number) =>
  `${v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v >= 0.1 ? v.toFixed(3) : v.toPrecision(2)} V`;
/** Milliwatts (250 mW, 31.6 mW, 2.45 mW, 0.42 mW). */
export const mW = (p: number) =>
  `${p >= 100 ? p.toFixed(0) : p >= 10 ? p.toFixed(1) : p >= 1 ? p.toFixed(2) : p.toPrecision(2)} mW`;
/** Milliamps (120 mA, 31.3 mA, 8.16 mA). */
export const mA = (i: number) => `${i >= 100 ? i.toFixed(0) : i >= 10 ? i.toFixed(1) : i.toFixed(2)} mA`;
/** A level difference, one decimal ("-1.6 dB"). */
export const dB = (x: number) => `${x.toFixed(1)} dB`;
/** A headroom with its sign always shown ("+16.1 dB", "−3.0 dB", typographic minus). */
export const signedDb = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)} dB`;
/** A sound pressure level ("108.4 dB SPL"; `digits` 0 for "about 108 dB SPL"). */
export const spl = (x: number, digits = 1) => `${x.toFixed(digits)} dB SPL`;
/** A sensitivity per volt ("106.9 dB/V"). */
export const dbPerV = (x: number) => `${x.toFixed(1)} dB/V`;
/** Ohms (300 Ω, 32 Ω, 0.47 Ω). */
export const ohm = (z: number) => `${z >= 100 ? z.toFixed(0) : Number(z.toPrecision(3))} Ω`;
/** A bare number with at most `digits` decimals, trailing zeros dropped (for formulas). */
export const num = (x: number, digits = 2) => String(Number(x.toFixed(digits)));
/** A figure as a data file states it: integers as they are, else 2 decimals below 10 and 1 above, zeros dropped. */
export const figure = (n: number) =>
  Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1).replace(/\.?0+$/, '');
/** A share as a percentage with one decimal ("80.8%"). */
export const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;

/** Compact number for validation error messages (4 significant figures; NaN/Infinity spelled out). */
export function fmt(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return String(Number(n.toPrecision(4)));
}

/** Any value, for error messages about inputs of the wrong type. */
export function show(v: unknown): string {
  if (typeof v === 'number') return fmt(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** A dB figure for error messages: one decimal. */
export function fmtDb(n: number): string {
  return Number.isFinite(n) ? n.toFixed(1) : fmt(n);
}
