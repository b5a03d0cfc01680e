/** Loads the knowledge and builds the brain for the console and CLI, turning knowledge problems into a clean exit. */
import { Brain } from '../answer/brain.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/index.js';

export function loadBrainOrExit(knowledgeDir?: string): Brain {
  try {
    return new Brain(loadKnowledge(knowledgeDir));
  } catch (err) {
    if (err instanceof KnowledgeError) {
      console.error(err.message);
      console.error('Run `npm run validate` after fixing the files.');
      process.exit(1);
    }
    throw err;
  }
}
