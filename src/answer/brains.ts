/**
 * One brain per server: the built-in knowledge plus that server's entries, rebuilt only when the server's entries
 * changed (the repository's revision counter), so a committed entry is searchable on the next question.
 */
import type { Knowledge } from '../knowledge/index.js';
import { overlay } from '../storage/entry-knowledge.js';
import type { KnowledgeRepository } from '../storage/repository.js';
import { Brain } from './brain.js';

export class Brains {
  private readonly cache = new Map<string, { revision: number; brain: Brain }>();
  readonly base: Brain;

  constructor(
    private readonly knowledge: Knowledge,
    private readonly repo: KnowledgeRepository | null,
  ) {
    this.base = new Brain(knowledge);
  }

  /** The brain for a server (the built-in one outside servers or when the server has no entries). */
  for(guildId: string | null | undefined): Brain {
    if (!guildId || !this.repo) return this.base;
    const revision = this.repo.revision(guildId);
    if (revision === 0) return this.base;
    const cached = this.cache.get(guildId);
    if (cached && cached.revision === revision) return cached.brain;
    const brain = new Brain(overlay(this.knowledge, this.repo.listEntries(guildId)));
    this.cache.set(guildId, { revision, brain });
    if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value!);
    return brain;
  }
}
