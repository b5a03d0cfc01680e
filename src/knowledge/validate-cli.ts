/** `npm run validate`: checks every knowledge file and prints each problem with file, field and reason. */
import { DEFAULT_KNOWLEDGE_DIR, formatProblem, loadKnowledgeWithProblems } from './index.js';

const root = process.argv[2] ?? DEFAULT_KNOWLEDGE_DIR;
const { topics, devices, problems } = loadKnowledgeWithProblems(root);
if (problems.length > 0) {
  console.error(`✗ ${problems.length} problem(s) in ${root}:`);
  for (const p of problems) console.error(`  - ${formatProblem(p)}`);
  process.exitCode = 1;
} else {
  const headphones = devices.filter((d) => d.type === 'headphone').length;
  console.log(`✓ knowledge is valid: ${topics.length} FAQ topics, ${headphones} headphones, ${devices.length - headphones} sources`);
}
