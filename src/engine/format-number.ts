/** Compact number for validation error messages only (4 significant figures; NaN/Infinity spelled out). */
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
