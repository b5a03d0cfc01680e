import type { EngineResult, Problem } from '../../src/engine/index.js';
import { problemText } from '../../src/answer/problem-text.js';

/** Problems in words, as every surface shows them (src/answer/problem-text.ts). */
export const texts = (problems: readonly Problem[]): string[] => problems.map(problemText);

/** The result of an ok EngineResult; fails the test with the problems otherwise. */
export function unwrap<T>(r: EngineResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got problems: ${texts(r.problems).join(' | ')}`);
  return r.value;
}

/** The problems of a failed EngineResult, in words; fails the test when it was ok. */
export function errorsOf<T>(r: EngineResult<T>): string[] {
  if (r.ok) throw new Error('expected problems, got ok');
  return texts(r.problems);
}
