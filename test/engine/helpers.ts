import type { EngineResult } from '../../src/engine/index.js';

/** The result of an ok EngineResult; fails the test with the errors otherwise. */
export function unwrap<T>(r: EngineResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got errors: ${r.errors.join(' | ')}`);
  return r.result;
}

/** The errors of a failed EngineResult; fails the test when it was ok. */
export function errorsOf<T>(r: EngineResult<T>): string[] {
  if (r.ok) throw new Error('expected errors, got ok');
  return r.errors;
}
