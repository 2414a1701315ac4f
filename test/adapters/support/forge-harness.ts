import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { RuntimeClock } from '../../../local/clock';
import { createKvsFetch, LocalKvs, type EntityDefinition } from '../../../local/kvs';

type ForgeTarget = { type: string; provider?: string; remote?: string; accountId?: string };
export type ProductFetch = (target: ForgeTarget, path: string, init?: RequestInit) => Promise<Response>;

export interface ForgeHarness {
  clock: RuntimeClock;
  dataDir: string;
  /** Routes `requestJira` (type fpp, remote jira) to a product stand-in. */
  setJira(fetch: ProductFetch | undefined): void;
  close(): void;
}

const globals = globalThis as unknown as {
  __forge_fetch__?: (target: ForgeTarget, path: string, init?: RequestInit) => Promise<Response>;
};

export function manifestEntities(): EntityDefinition[] {
  const manifest = yaml.load(fs.readFileSync(path.join(__dirname, '../../../manifest.yml'), 'utf8')) as {
    app: { storage?: { entities?: EntityDefinition[] } };
  };
  return manifest.app.storage?.entities ?? [];
}

/** A real local KVS (SQLite in a fresh temp dir) behind `global.__forge_fetch__`, as the Forge runtime wires it. */
export function startForgeHarness(): ForgeHarness {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'adapters-'));
  const clock = new RuntimeClock();
  const kvs = new LocalKvs({ dataDir, clock, entities: manifestEntities() });
  const kvsFetch = createKvsFetch(kvs);
  let jira: ProductFetch | undefined;
  globals.__forge_fetch__ = async (target, requestPath, init) => {
    if (target.type === 'kvs') return kvsFetch(requestPath, { body: init?.body ?? undefined });
    if (target.type === 'fpp' && target.remote === 'jira' && jira) return jira(target, requestPath, init);
    throw new Error(`no stand-in for ${target.type}/${target.remote ?? ''}`);
  };
  return {
    clock,
    dataDir,
    setJira: (fetch) => {
      jira = fetch;
    },
    close: () => {
      delete globals.__forge_fetch__;
      kvs.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
