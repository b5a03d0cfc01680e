/**
 * `npm run validate`: checks every knowledge file (schemas, cross-file rules) and that the engine computes every
 * device; prints each problem with file, field and reason, and exits 1 when there is any.
 */
import { computabilityProblems } from '../answer/computability.js';
import { DEFAULT_KNOWLEDGE_DIR, formatProblem, loadKnowledgeWithProblems } from '../knowledge/index.js';

const root = process.argv[2] ?? DEFAULT_KNOWLEDGE_DIR;
const { topics, devices, problems: loadProblems } = loadKnowledgeWithProblems(root);
const problems = [...loadProblems, ...computabilityProblems(devices)];
if (problems.length > 0) {
  console.error(`✗ ${problems.length} problem(s) in ${root}:`);
  for (const p of problems) console.error(`  - ${formatProblem(p)}`);
  process.exitCode = 1;
} else {
  const headphones = devices.filter((d) => d.type === 'headphone').length;
  console.log(
    `✓ knowledge is valid and every device computes: ${topics.length} FAQ topics, ${headphones} headphones, ` +
      `${devices.length - headphones} sources`,
  );
}
