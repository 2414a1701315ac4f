import type { SqliteDatabase } from './sqlite';

/**
 * A durable collection of JSON documents keyed by id, for the sandboxes' state
 * (Jira issues, Wave invoices, …). Every write commits before it returns.
 */
export class DocStore<T> {
  private readonly getStmt;
  private readonly putStmt;
  private readonly deleteStmt;
  private readonly listStmt;

  constructor(
    private readonly db: SqliteDatabase,
    readonly collection: string,
  ) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS docs (collection TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (collection, id))',
    );
    this.getStmt = db.prepare('SELECT json FROM docs WHERE collection = ? AND id = ?');
    this.putStmt = db.prepare(
      'INSERT INTO docs (collection, id, seq, json) VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM docs WHERE collection = ?), ?) ' +
        'ON CONFLICT (collection, id) DO UPDATE SET json = excluded.json',
    );
    this.deleteStmt = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
    this.listStmt = db.prepare('SELECT json FROM docs WHERE collection = ? ORDER BY seq');
  }

  get(id: string): T | undefined {
    const row = this.getStmt.get(this.collection, id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as T) : undefined;
  }

  put(id: string, doc: T): void {
    this.putStmt.run(this.collection, id, this.collection, JSON.stringify(doc));
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(this.collection, id).changes > 0;
  }

  /** All documents in insertion order. */
  list(): T[] {
    return (this.listStmt.all(this.collection) as { json: string }[]).map((row) => JSON.parse(row.json) as T);
  }

  /** Runs fn in one transaction: all its writes land together or not at all. */
  transaction<R>(fn: () => R): R {
    return this.db.transaction(fn)();
  }
}
