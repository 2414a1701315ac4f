import type { Clock } from '../clock';
import { openDatabase, type SqliteDatabase } from '../persistence/sqlite';
import { type EntityDefinition, EntityRegistry } from './entity-schema';
import { KvsError, kvsErrors } from './errors';
import { ItemStore } from './item-store';
import { FORGE_KVS_QUOTAS, KvsQuota, type KvsQuotaSettings, type KvsUsage } from './quota';
import type { KvsResponse } from './response';
import { operationKind, routes } from './routes';

export interface LocalKvsOptions {
  dataDir: string;
  clock: Clock;
  /** The manifest's `app.storage.entities`; an invalid declaration throws here. */
  entities?: readonly EntityDefinition[];
  /** The installation's quotas, read at each request (default Forge's, on). */
  quotas?: () => KvsQuotaSettings;
}

/**
 * Forge's Key-Value Store and Custom Entity Store on this machine: the server side of the
 * `/api/v1/...` protocol `@forge/kvs` speaks, durable in `DATA_DIR/kvs.sqlite`. Each request
 * is one SQLite transaction, so it is applied whole or not at all and survives kill -9 once
 * answered. Forge's per-installation quotas apply (429 RATE_LIMIT_EXCEEDED), and what was used
 * is counted (`usage()`).
 */
export class LocalKvs {
  private readonly db: SqliteDatabase;
  private readonly store: ItemStore;
  private readonly entities: EntityRegistry;
  private readonly clock: Clock;
  private readonly quota: KvsQuota;

  constructor(options: LocalKvsOptions) {
    this.entities = new EntityRegistry(options.entities ?? []);
    this.clock = options.clock;
    this.quota = new KvsQuota(options.clock, options.quotas ?? (() => FORGE_KVS_QUOTAS));
    this.db = openDatabase(options.dataDir, 'kvs.sqlite');
    this.store = new ItemStore(this.db);
    this.store.purgeExpired(this.clock.now());
  }

  /**
   * `path` like '/api/v1/get', `body` the parsed JSON request body, `requestBytes` its size as sent
   * (default: measured here). Never throws.
   */
  handle(path: string, body: unknown, requestBytes = byteLength(body)): KvsResponse {
    const route = routes[path];
    let admittedRead = false;
    try {
      if (!route) throw kvsErrors.unknownOperation(path);
      const kind = operationKind(path);
      this.quota.admit(path, kind, requestBytes);
      admittedRead = kind === 'read';
      const context = { store: this.store, entities: this.entities, now: this.clock.now() };
      const response = this.db.transaction(() => route(context, body))();
      if (!admittedRead) return response;
      const json = response.body === undefined ? undefined : JSON.stringify(response.body);
      this.quota.chargeRead(json === undefined ? 0 : Buffer.byteLength(json, 'utf8'));
      return json === undefined ? response : { ...response, json };
    } catch (error) {
      // A read that failed (a missing key, say) still used a unit.
      if (admittedRead) this.quota.chargeRead(0);
      const kvsError = error instanceof KvsError ? error : kvsErrors.internal();
      return { status: kvsError.status, body: kvsError.toBody() };
    }
  }

  /** Requests, reads, writes and their 10 KB units since the start or the last reset; refusals. */
  usage(): KvsUsage {
    return this.quota.usage();
  }

  resetUsage(): void {
    this.quota.resetUsage();
  }

  close(): void {
    this.db.close();
  }
}

function byteLength(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8');
}
