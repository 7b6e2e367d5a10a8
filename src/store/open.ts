import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * An interface rather than a type alias: declaration emit (`npm run build`, run by `npm ci`'s
 * `prepare`) cannot name better-sqlite3's internal `BetterSqlite3.Database` in inferred types.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Db extends Database.Database {}

/**
 * Opens the database once, with the pragmas better-sqlite3 recommends for a server: WAL so readers
 * never wait for the writer, a busy timeout instead of SQLITE_BUSY, and foreign keys enforced.
 */
export function openDatabase(path: string): Db {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (!inMemory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
