import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuntimeClock } from '../../../local/clock';
import {
  createKvsFetch,
  type EntityDefinition,
  FORGE_KVS_QUOTAS,
  type KvsQuotaSettings,
  LocalKvs,
} from '../../../local/kvs';

type ForgeFetch = (target: unknown, path: string, init?: RequestInit) => Promise<Response>;
const runtimeGlobals = globalThis as unknown as { __forge_fetch__?: ForgeFetch };

export interface SentRequest {
  path: string;
  body: unknown;
}

/**
 * A LocalKvs in a fresh DATA_DIR, wired as `global.__forge_fetch__` the way the SDK finds it
 * when `__forge_runtime__` has no kvs url, so tests speak only through `@forge/kvs`.
 */
export class KvsHarness {
  // A frozen wall clock: time moves only when a test advances it.
  readonly clock = new RuntimeClock(() => Date.UTC(2026, 0, 1));
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-kvs-'));
  readonly sent: SentRequest[] = [];
  private kvs: LocalKvs;
  /** The quotas the store applies; tests change them in place (default: Forge's, on). */
  quotas: KvsQuotaSettings = { ...FORGE_KVS_QUOTAS };

  constructor(private readonly entities: EntityDefinition[] = []) {
    this.kvs = this.open();
  }

  get store(): LocalKvs {
    return this.kvs;
  }

  /** Closes the database and opens the same DATA_DIR again, as a restarted stack would. */
  reopen(): void {
    this.kvs.close();
    this.kvs = this.open();
  }

  close(): void {
    this.kvs.close();
    delete runtimeGlobals.__forge_fetch__;
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  private open(): LocalKvs {
    const kvs = new LocalKvs({
      dataDir: this.dataDir,
      clock: this.clock,
      entities: this.entities,
      quotas: () => this.quotas,
    });
    const fetchKvs = createKvsFetch(kvs);
    runtimeGlobals.__forge_fetch__ = async (_target, requestPath, init) => {
      this.sent.push({ path: requestPath, body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body });
      return fetchKvs(requestPath, init);
    };
    return kvs;
  }
}

export const deliveryLog: EntityDefinition = {
  name: 'delivery-log',
  attributes: {
    receivedAt: { type: 'integer' },
    outcome: { type: 'string' },
    invoiceNumber: { type: 'string' },
    amount: { type: 'float' },
    flagged: { type: 'boolean' },
    tags: { type: 'any' },
  },
  indexes: ['receivedAt', { name: 'by-outcome', partition: ['outcome'], range: ['receivedAt'] }],
};

/** What a rejected `@forge/kvs` call carries, for `rejects.toMatchObject`: Forge's code and the HTTP status. */
export function forgeError(code: string, status: number): { code: string; responseDetails: { status: number } } {
  return { code, responseDetails: { status } };
}
