/**
 * A second connection to a database file, the way another process or an operator's sqlite3 shell would open it: for
 * looking at the file from outside (integrity, schema rows, journal mode) and for injecting faults (a trigger that
 * refuses writes) — so the tests never reach into the repository's own connection.
 */
import Database from 'better-sqlite3';

export function fromOutside<T>(file: string, look: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 10000');
    return look(db);
  } finally {
    db.close();
  }
}

/** The file's full integrity check ('ok' when every page and index is sound). */
export const integrity = (file: string) =>
  fromOutside(file, (db) => db.pragma('integrity_check', { simple: true }) as string);

/**
 * Makes every write of `action` ('INSERT' | 'UPDATE') on `table` fail with `message` until the returned function is
 * called: a fault seen by every connection (a trigger is part of the schema), as a full disk or a broken file would be.
 */
export function refuseWrites(file: string, table: string, action: 'INSERT' | 'UPDATE', message: string): () => void {
  const name = `test_refuse_${table}_${action.toLowerCase()}`;
  fromOutside(file, (db) =>
    db.exec(`CREATE TRIGGER ${name} BEFORE ${action} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`),
  );
  return () => fromOutside(file, (db) => db.exec(`DROP TRIGGER IF EXISTS ${name}`));
}
