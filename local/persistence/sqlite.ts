import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating if needed) one SQLite file under dataDir. WAL with synchronous=FULL:
 * a write acknowledged to a caller survives kill -9.
 */
export function openDatabase(dataDir: string, fileName: string): SqliteDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}
