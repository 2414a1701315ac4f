import type { AppContext } from '@forge/api';

/**
 * The installation this invocation serves. A warm Forge instance may serve several installations in turn, so
 * anything kept in memory between invocations (caches, pending counters) is kept per installation.
 */
export function currentInstallation(): string {
  try {
    // Loaded on first use: storage adapters must not pull @forge/api in before the runtime is up (it captures
    // `fetch` when first loaded, and the local runtime routes Wave's hosts through that `fetch`).
    const { getAppContext } = require('@forge/api') as { getAppContext: () => AppContext };
    return String(getAppContext().installationAri);
  } catch {
    return 'no-installation';
  }
}

/** A small in-memory map keyed by installation, so one site's data never serves another. */
export function perInstallation<T>(create: () => T): () => T {
  const values = new Map<string, T>();
  return () => {
    const key = currentInstallation();
    let value = values.get(key);
    if (value === undefined) {
      value = create();
      values.set(key, value);
    }
    return value;
  };
}
