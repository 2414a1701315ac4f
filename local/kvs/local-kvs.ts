import type { Clock } from '../clock';
import { openDatabase, type SqliteDatabase } from '../persistence/sqlite';
import { type EntityDefinition, EntityRegistry } from './entity-schema';
import { KvsError, kvsErrors } from './errors';
import { ItemStore } from './item-store';
import type { KvsResponse } from './response';
import { routes } from './routes';

export interface LocalKvsOptions {
  dataDir: string;
  clock: Clock;
  /** The manifest's `app.storage.entities`; an invalid declaration throws here. */
  entities?: readonly EntityDefinition[];
}

/**
 * Forge's Key-Value Store and Custom Entity Store on this machine: the server side of the
 * `/api/v1/...` protocol `@forge/kvs` speaks, durable in `DATA_DIR/kvs.sqlite`. Each request
 * is one SQLite transaction, so it is applied whole or not at all and survives kill -9 once
 * answered.
 */
export class LocalKvs {
  private readonly db: SqliteDatabase;
  private readonly store: ItemStore;
  private readonly entities: EntityRegistry;
  private readonly clock: Clock;

  constructor(options: LocalKvsOptions) {
    this.entities = new EntityRegistry(options.entities ?? []);
    this.clock = options.clock;
    this.db = openDatabase(options.dataDir, 'kvs.sqlite');
    this.store = new ItemStore(this.db);
    this.store.purgeExpired(this.clock.now());
  }

  /** `path` like '/api/v1/get', `body` the parsed JSON request body. Never throws. */
  handle(path: string, body: unknown): KvsResponse {
    const route = routes[path];
    try {
      if (!route) throw kvsErrors.unknownOperation(path);
      const context = { store: this.store, entities: this.entities, now: this.clock.now() };
      return this.db.transaction(() => route(context, body))();
    } catch (error) {
      const kvsError = error instanceof KvsError ? error : kvsErrors.internal();
      return { status: kvsError.status, body: kvsError.toBody() };
    }
  }

  close(): void {
    this.db.close();
  }
}
