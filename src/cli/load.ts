/** Loads the knowledge and builds the brain for the console and CLI, turning knowledge problems into a clean exit. */
import { join } from 'node:path';
import { Brain } from '../answer/brain.js';
import { Brains } from '../answer/brains.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/index.js';
import { SqliteRepository } from '../storage/sqlite.js';
import { StorageError } from '../storage/storage-errors.js';

export interface LoadOptions {
  knowledge?: string;
  /** A server id: its moderators' entries are laid over the built-in knowledge. */
  guild?: string;
  dataDir?: string;
}

export async function loadBrainOrExit(opts: LoadOptions | string = {}): Promise<Brain> {
  const o = typeof opts === 'string' ? { knowledge: opts } : opts;
  try {
    const knowledge = loadKnowledge(o.knowledge);
    if (!o.guild) return new Brain(knowledge);
    if (!/^\d{17,20}$/.test(o.guild)) {
      console.error(`--guild must be a Discord server id (17–20 digits), not "${o.guild}".`);
      process.exit(2);
    }
    const repo = new SqliteRepository(join(o.dataDir ?? process.env.DATA_DIR ?? './data', 'headroom.db'));
    try {
      return await new Brains(knowledge, repo).for(o.guild);
    } finally {
      await repo.close();
    }
  } catch (err) {
    if (err instanceof KnowledgeError) {
      console.error(err.message);
      console.error('Run `npm run validate` after fixing the files.');
      process.exit(2);
    }
    if (err instanceof StorageError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}
