/** Walks a result and reports the path of the first NaN/Infinity (results must never contain one). */
import type { EngineResult } from './types.js';
export function findNonFinite(value: unknown, path = 'result', seen: Set<unknown> = new Set()): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (value === null || typeof value !== 'object') return null;
  if (seen.has(value)) return null;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findNonFinite(value[i], `${path}[${i}]`, seen);
      if (p) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = findNonFinite(v, `${path}.${k}`, seen);
    if (p) return p;
  }
  return null;
}

/** Wrap a computed result, refusing it if any number in it is not finite. */
export function guardFinite<T>(result: T): EngineResult<T> {
  const bad = findNonFinite(result);
  if (bad) return { ok: false, problems: [{ code: 'non_finite', at: bad }] };
  return { ok: true, value: result };
}
