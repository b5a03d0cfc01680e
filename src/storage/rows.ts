/**
 * The tables' rows as both backends read them (SQLite stores `deleted` as 0/1, PostgreSQL as a boolean; everything
 * else is the same text and integers), turned into the repository's types in one place.
 */
import type { EntryInput } from './entry-schema.js';
import { DEFAULT_SETTINGS, type Action, type Entry, type GuildSettings, type Revision } from './repository.js';

/** Knob: the longest question kept for the statistics (characters). */
export const QUESTION_MAX_CHARS = 500;

export interface EntryRow {
  id: number;
  guild_id: string;
  input: string;
  version: number;
  deleted: number | boolean;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface RevisionRow {
  entry_id: number;
  version: number;
  action: Action;
  input: string;
  actor: string;
  at: string;
}

export const toEntry = (r: EntryRow): Entry => ({
  id: r.id,
  guildId: r.guild_id,
  input: JSON.parse(r.input) as EntryInput,
  version: r.version,
  deleted: r.deleted === true || r.deleted === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const toRevision = (r: RevisionRow): Revision => ({
  entryId: r.entry_id,
  version: r.version,
  action: r.action,
  input: JSON.parse(r.input) as EntryInput,
  actor: r.actor,
  at: r.at,
});

/** A settings row's JSON over the defaults (no row: the defaults). */
export const settingsFrom = (value: string | undefined): GuildSettings => ({
  ...DEFAULT_SETTINGS,
  ...(value ? (JSON.parse(value) as Partial<GuildSettings>) : {}),
});
