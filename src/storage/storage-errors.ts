/**
 * Storage problems in plain words: which file or folder, what is wrong with it, and what to do. The process exits
 * non-zero with this one message (the stack only at debug level).
 */
export class StorageError extends Error {
  override name = 'StorageError';
}

export class SchemaTooNewError extends StorageError {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`schema version ${found}, newer than this build knows (${known})`);
  }
}

/** Turns what SQLite or the file system threw into a StorageError naming the path and the fix. */
export function storageError(err: unknown, file: string): StorageError {
  if (err instanceof SchemaTooNewError) {
    return new StorageError(
      `${file} was written by a newer Headroom (schema ${err.found}; this build knows up to ${err.known}). Upgrade ` +
        `Headroom, or set DATA_DIR to another folder.`,
    );
  }
  if (err instanceof StorageError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const what = e.message?.split('\n')[0] ?? String(err);
  if (code === 'SQLITE_NOTADB' || /file is not a database/i.test(what)) {
    return new StorageError(
      `${file} is not a Headroom database (damaged or another kind of file). Move it away to start fresh, or restore ` +
        `it from a backup.`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || /malformed/i.test(what)) {
    return new StorageError(`${file} is damaged (${what}). Restore it from a backup, or move it away to start fresh.`);
  }
  if (code === 'SQLITE_READONLY' || /readonly database|read-only/i.test(what)) {
    return new StorageError(
      `${file} is read-only. Give the bot's user write access to the file and its folder, or set DATA_DIR to a ` +
        `writable folder.`,
    );
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new StorageError(`Cannot open ${file} (${what}). Check that DATA_DIR exists and the bot can write in it.`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new StorageError(`The disk holding ${file} is full. Free some space.`);
  if (code === 'SQLITE_BUSY')
    return new StorageError(`${file} stayed locked by another process. Check that no stuck process holds it.`);
  return new StorageError(`Cannot use the database ${file}: ${what}`);
}
