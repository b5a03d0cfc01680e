/** Reads knowledge/off-topic.yaml: questions outside the scope, learnt as one "elsewhere" class (optional file). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from './yaml.js';
import { z } from 'zod';
import { issuesToProblems, type KnowledgeProblem } from './problems.js';

export const OffTopicFile = z.strictObject({ examples: z.array(z.string().trim().min(3).max(300)).default([]) });

export function loadOffTopic(root: string): { offTopic: string[]; problems: KnowledgeProblem[] } {
  const path = join(root, 'off-topic.yaml');
  const file = 'knowledge/off-topic.yaml';
  if (!existsSync(path)) return { offTopic: [], problems: [] };
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    return {
      offTopic: [],
      problems: [{ file, field: '', message: `is not valid YAML: ${String((err as Error).message).split('\n')[0]}` }],
    };
  }
  const parsed = OffTopicFile.safeParse(raw);
  if (!parsed.success) return { offTopic: [], problems: issuesToProblems(file, parsed.error.issues) };
  return { offTopic: parsed.data.examples, problems: [] };
}
