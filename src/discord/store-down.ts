/**
 * When the store is away (PostgreSQL restarting, the network to it lost): answers keep coming from the built-in
 * knowledge and the last brains built, settings fall back to the environment's defaults, and edits are refused with
 * STORE_DOWN — nothing is half-saved, since every write is one transaction.
 */
import type { Logger } from '../logger.js';
import type { GuildSettings, KnowledgeRepository } from '../storage/repository.js';

export const STORE_DOWN =
  "I can't reach this server's knowledge store right now, so that was not done (nothing was saved). Answers from " +
  'the built-in knowledge still work; try again in a minute.';

/** A server's settings, or null (the environment's defaults) when the store cannot be read. */
export async function settingsOrDefaults(
  repo: KnowledgeRepository,
  guildId: string | null,
  logger: Pick<Logger, 'warn'>,
): Promise<GuildSettings | null> {
  if (!guildId) return null;
  try {
    return await repo.getSettings(guildId);
  } catch (err) {
    logger.warn({ err, guildId }, 'settings unreadable; using the defaults');
    return null;
  }
}
