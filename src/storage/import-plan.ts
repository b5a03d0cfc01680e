/**
 * What an import of an export file will do, decided in one place so the preview ("Import (2 new, 1 changed)") and
 * the import itself always count the same way.
 */
import type { EntryInput } from './entry-schema.js';

export interface ImportItem {
  /** The entry it updates (an id from the file that exists in this server); absent: a new entry. */
  id?: number;
  input: EntryInput;
}

/** True when importing `input` over this entry changes it: other content, or the entry was removed (it comes back). */
export function importChanges(current: { input: EntryInput; deleted: boolean }, input: EntryInput): boolean {
  return current.deleted || JSON.stringify(current.input) !== JSON.stringify(input);
}

/** The items to import (ids kept only where they exist here) and what they will add and change. */
export function planImport(
  existing: readonly { id: number; input: EntryInput; deleted: boolean }[],
  entries: readonly { id?: number; input: EntryInput }[],
): { items: ImportItem[]; added: number; changed: number } {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const items = entries.map((e) =>
    e.id !== undefined && byId.has(e.id) ? { id: e.id, input: e.input } : { input: e.input },
  );
  const added = items.filter((i) => i.id === undefined).length;
  const changed = items.filter((i) => i.id !== undefined && importChanges(byId.get(i.id)!, i.input)).length;
  return { items, added, changed };
}
