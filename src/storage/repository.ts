/**
 * Storage behind a small asynchronous interface with two backends: SQLite (embedded, the default) and PostgreSQL
 * (shared by several shards or machines), chosen by configuration (src/storage/open.ts). Every write is one
 * transaction; callers confirm to the user only after its promise resolves.
 */
import type { EntryInput } from './entry-schema.js';

export interface Entry {
  id: number;
  guildId: string;
  input: EntryInput;
  version: number;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export type Action = 'add' | 'edit' | 'remove' | 'restore' | 'import';

export interface Revision {
  entryId: number;
  version: number;
  action: Action;
  input: EntryInput;
  actor: string;
  at: string;
}

export interface GuildSettings {
  chatChannels: string[];
  confidence: number | null;
  cooldownSeconds: number | null;
  targetSpl: number | null;
  editorRoleId: string | null;
}

/** A server's settings before anything was set (null: the environment's default applies). */
export const DEFAULT_SETTINGS: GuildSettings = {
  chatChannels: [],
  confidence: null,
  cooldownSeconds: null,
  targetSpl: null,
  editorRoleId: null,
};

export interface StatsSummary {
  topAsked: { key: string; count: number }[];
  notWhatIAsked: { key: string; count: number }[];
  gaps: { id: number; question: string; at: string }[];
}

export class ConflictError extends Error {
  constructor(readonly current: Entry) {
    super(`entry #${current.id} is now at version ${current.version}`);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export interface KnowledgeRepository {
  listEntries(guildId: string, opts?: { includeDeleted?: boolean }): Promise<Entry[]>;
  getEntry(guildId: string, id: number): Promise<Entry | null>;
  addEntry(guildId: string, input: EntryInput, actor: string): Promise<Entry>;
  /** Refused with ConflictError when the entry is no longer at expectedVersion (optimistic concurrency). */
  updateEntry(guildId: string, id: number, input: EntryInput, expectedVersion: number, actor: string): Promise<Entry>;
  removeEntry(guildId: string, id: number, actor: string): Promise<Entry>;
  restoreEntry(guildId: string, id: number, actor: string): Promise<Entry>;
  history(guildId: string, id: number): Promise<Revision[]>;
  /** All or nothing: adds new entries and updates existing ones (by id), in one transaction. */
  importEntries(
    guildId: string,
    items: { id?: number; input: EntryInput }[],
    actor: string,
  ): Promise<{ added: number; changed: number }>;
  savePendingImport(guildId: string, items: { id?: number; input: EntryInput }[]): Promise<number>;
  takePendingImport(guildId: string, id: number): Promise<{ id?: number; input: EntryInput }[] | null>;
  /** Bumped by every write, so caches know when a server's knowledge changed. */
  revision(guildId: string): Promise<number>;
  getSettings(guildId: string): Promise<GuildSettings>;
  updateSettings(guildId: string, patch: Partial<GuildSettings>): Promise<GuildSettings>;
  recordQuestion(guildId: string, question: string, answeredKey: string | null): Promise<void>;
  /** Many questions in one write (the statistics queue flushes this way). */
  recordQuestions(items: readonly { guildId: string; question: string; answeredKey: string | null }[]): Promise<void>;
  recordNotWhatIAsked(guildId: string, key: string): Promise<number>;
  stats(guildId: string, limit?: number): Promise<StatsSummary>;
  gap(guildId: string, id: number): Promise<string | null>;
  close(): Promise<void>;
}
