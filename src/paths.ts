/**
 * Where the project's own files are, whether the code runs from src/ (tsx) or from the compiled dist/src/:
 * the project root is the nearest folder above this module that has the package.json.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'knowledge'))) return dir;
    if (dirname(dir) === dir) throw new Error(`Headroom: no project folder (package.json + knowledge/) above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
/** The knowledge folder shipped with the project. */
export const KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');
