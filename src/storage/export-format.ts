/**
 * The /kb export file: what `/kb export` writes and `/kb import` reads back (version 1). One home for the format, so
 * the writer and the reader cannot drift apart.
 */
import { z } from 'zod';
import { EntryInput } from './entry-schema.js';
import type { Entry } from './repository.js';

/** An export of this bot is far smaller; a larger file is refused before it is read. */
export const MAX_IMPORT_BYTES = 1_000_000;
/** At most this many entries in one file. */
export const MAX_IMPORT_ENTRIES = 2000;

const ExportFile = z.object({
  version: z.literal(1),
  entries: z.array(z.object({ id: z.number().int().positive().optional(), input: EntryInput })).max(MAX_IMPORT_ENTRIES),
});
export type ExportedEntries = z.infer<typeof ExportFile>['entries'];

/** The export file of a server's entries (pretty-printed JSON). */
export function exportJson(entries: readonly Entry[], guildId: string, now = new Date()): string {
  return JSON.stringify(
    {
      version: 1,
      guildId,
      exportedAt: now.toISOString(),
      entries: entries.map((e) => ({ id: e.id, input: e.input })),
    },
    null,
    2,
  );
}

/** Reads an export file's text: its entries, or what is wrong with it (the first five problems, by path). */
export function parseExport(
  text: string,
):
  | { ok: true; value: ExportedEntries }
  | { ok: false; reason: 'not_json' }
  | { ok: false; reason: 'invalid'; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  const parsed = ExportFile.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      reason: 'invalid',
      problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    };
  return { ok: true, value: parsed.data.entries };
}
