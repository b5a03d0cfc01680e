/**
 * One brain per server: the built-in knowledge plus that server's entries, rebuilt only when the server's entries
 * changed (the repository's revision counter), so a committed entry is searchable on the next question.
 */
import { LRUCache } from 'lru-cache';
import type { Knowledge } from '../knowledge/index.js';
import { overlay } from '../storage/entry-knowledge.js';
import type { KnowledgeRepository } from '../storage/repository.js';
import { Brain } from './brain.js';

/**
 * Knob: how many servers' brains are kept (least recently asked go first). A server with only FAQ entries shares the
 * built-in device indexes (about 2 MB of heap for its own topic ranker); one with device entries gets its own.
 */
export const BRAINS_CACHED = 500;

export class Brains {
  private readonly cache: LRUCache<string, { revision: number; brain: Brain }>;
  readonly base: Brain;

  constructor(
    private readonly knowledge: Knowledge,
    private readonly repo: KnowledgeRepository | null,
    cached: number = BRAINS_CACHED,
    /** Told when the store cannot be read (the answer then comes from the last brain built, or the built-in one). */
    private readonly onStoreError: (err: unknown, guildId: string) => void = () => {},
  ) {
    this.base = new Brain(knowledge);
    this.cache = new LRUCache({ max: cached });
  }

  /** The brain for a server (the built-in one outside servers or when the server has no entries). */
  async for(guildId: string | null | undefined): Promise<Brain> {
    if (!guildId || !this.repo) return this.base;
    try {
      const revision = await this.repo.revision(guildId);
      if (revision === 0) return this.base;
      const cached = this.cache.get(guildId);
      if (cached && cached.revision === revision) return cached.brain;
      const brain = new Brain(overlay(this.knowledge, await this.repo.listEntries(guildId)), this.base);
      this.cache.set(guildId, { revision, brain });
      return brain;
    } catch (err) {
      // The store is away (PostgreSQL restarting, a lost network): questions are still answered, from the server's
      // last brain when there is one, else from the built-in knowledge.
      this.onStoreError(err, guildId);
      return this.cache.get(guildId)?.brain ?? this.base;
    }
  }
}
