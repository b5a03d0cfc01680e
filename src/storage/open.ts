/**
 * The repository the configuration asks for: PostgreSQL when DATABASE_URL is set (shared by every shard and
 * machine), else SQLite in DATA_DIR (embedded, one machine).
 */
import { join } from 'node:path';
import type { KnowledgeRepository } from './repository.js';
import { SqliteRepository } from './sqlite.js';

export interface StorageConfig {
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
}

/** The SQLite database file in a data folder. */
export const sqliteFile = (dataDir: string) => join(dataDir, 'headroom.db');

/** Opens the configured store; a problem with it is a StorageError in plain words. */
export async function openRepository(config: StorageConfig): Promise<KnowledgeRepository> {
  if (config.DATABASE_URL) {
    // loaded only when used: an embedded deployment never loads pg
    const { PostgresRepository } = await import('./postgres.js');
    return PostgresRepository.open(config.DATABASE_URL);
  }
  return new SqliteRepository(sqliteFile(config.DATA_DIR));
}

/** Which backend a configuration uses, in words for the start-up log (never the password). */
export function backendName(config: StorageConfig): string {
  return config.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${config.DATA_DIR}`;
}
