import type { SqliteDatabase } from '../persistence/sqlite';

/**
 * The rows behind every KVS namespace. A space keeps namespaces apart: `kvs` for plain
 * keys, `secret` for secrets, `entity:<name>` for each custom entity. Expired rows are
 * invisible to every read and removed by `purgeExpired`.
 */
export interface StoredItem {
  key: string;
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expiresAt: number | null;
}

interface Row {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expires_at: number | null;
}

export interface KeyScan {
  prefix?: string;
  afterKey?: string;
  limit: number;
}

const LIVE = '(expires_at IS NULL OR expires_at > @now)';

export class ItemStore {
  private readonly findStmt;
  private readonly putStmt;
  private readonly removeStmt;
  private readonly scanStmt;
  private readonly allStmt;
  private readonly purgeStmt;

  constructor(db: SqliteDatabase) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS kvs_items (space TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, ' +
        'created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expires_at INTEGER, PRIMARY KEY (space, key)) WITHOUT ROWID',
    );
    this.findStmt = db.prepare(`SELECT * FROM kvs_items WHERE space = @space AND key = @key AND ${LIVE}`);
    this.putStmt = db.prepare(
      'INSERT OR REPLACE INTO kvs_items (space, key, value, created_at, updated_at, expires_at) ' +
        'VALUES (@space, @key, @value, @createdAt, @updatedAt, @expiresAt)',
    );
    this.removeStmt = db.prepare(`DELETE FROM kvs_items WHERE space = @space AND key = @key`);
    // Keys compare as UTF-8 bytes (SQLite's BINARY collation), the order Forge pages in.
    this.scanStmt = db.prepare(
      `SELECT * FROM kvs_items WHERE space = @space AND key > @afterKey AND substr(key, 1, length(@prefix)) = @prefix AND ${LIVE} ` +
        'ORDER BY key LIMIT @limit',
    );
    this.allStmt = db.prepare(`SELECT * FROM kvs_items WHERE space = @space AND ${LIVE} ORDER BY key`);
    this.purgeStmt = db.prepare('DELETE FROM kvs_items WHERE expires_at <= @now');
  }

  /** Drops expired rows for good; reads already ignore them. */
  purgeExpired(now: number): void {
    this.purgeStmt.run({ now });
  }

  find(space: string, key: string, now: number): StoredItem | undefined {
    const row = this.findStmt.get({ space, key, now }) as Row | undefined;
    return row && toItem(row);
  }

  put(space: string, item: StoredItem, serializedValue: string): void {
    this.putStmt.run({
      space,
      key: item.key,
      value: serializedValue,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      expiresAt: item.expiresAt,
    });
  }

  /** Removes the key; answers whether a live item was there. */
  remove(space: string, key: string, now: number): boolean {
    const existed = this.find(space, key, now) !== undefined;
    this.removeStmt.run({ space, key });
    return existed;
  }

  scanKeys(space: string, scan: KeyScan, now: number): StoredItem[] {
    const rows = this.scanStmt.all({
      space,
      now,
      afterKey: scan.afterKey ?? '',
      prefix: scan.prefix ?? '',
      limit: scan.limit,
    }) as Row[];
    return rows.map(toItem);
  }

  all(space: string, now: number): StoredItem[] {
    return (this.allStmt.all({ space, now }) as Row[]).map(toItem);
  }
}

function toItem(row: Row): StoredItem {
  return {
    key: row.key,
    value: JSON.parse(row.value),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  };
}
