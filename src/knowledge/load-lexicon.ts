/** Reads knowledge/lexicon.yaml (optional: a knowledge base without one has an empty lexicon). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './yaml.js';
import { EMPTY_LEXICON_DATA, LexiconFile, type LexiconData } from './lexicon-schema.js';
import { issuesToProblems, type KnowledgeProblem } from './problems.js';

export function loadLexicon(root: string): { lexicon: LexiconData; problems: KnowledgeProblem[] } {
  const path = join(root, 'lexicon.yaml');
  const file = 'knowledge/lexicon.yaml';
  if (!existsSync(path)) return { lexicon: EMPTY_LEXICON_DATA, problems: [] };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    return {
      lexicon: EMPTY_LEXICON_DATA,
      problems: [{ file, field: '', message: `is not valid YAML: ${String((err as Error).message).split('\n')[0]}` }],
    };
  }
  const parsed = LexiconFile.safeParse(raw);
  if (!parsed.success) return { lexicon: EMPTY_LEXICON_DATA, problems: issuesToProblems(file, parsed.error.issues) };
  const problems: KnowledgeProblem[] = [];
  const seen = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(parsed.data.synonyms)) {
    for (const v of variants) {
      const prior = seen.get(v);
      if (prior && prior !== canonical)
        problems.push({ file, field: `synonyms.${canonical}`, message: `"${v}" is also a synonym of "${prior}"` });
      seen.set(v, canonical);
    }
  }
  return { lexicon: parsed.data, problems };
}
