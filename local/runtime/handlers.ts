import path from 'node:path';
import type { AppManifest } from './manifest';

export type Handler = (...args: unknown[]) => unknown;

/**
 * Loads every `handler: <file>.<export>` of the manifest from `<appDir>/src/<file>` (TypeScript:
 * `npm start` runs under tsx, jest under ts-jest, so a plain require works in both).
 * Call only after `installForgeGlobals()`: the app's `@forge/api` captures `fetch` at import.
 */
export function loadHandlers(appDir: string, manifest: AppManifest): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const fn of manifest.functions.values()) {
    const modulePath = path.join(appDir, 'src', fn.file);
    const exported = (require(modulePath) as Record<string, unknown>)[fn.exportName];
    if (typeof exported !== 'function') {
      throw new Error(
        `function ${fn.key}: ${path.relative(appDir, modulePath)} does not export a function '${fn.exportName}'`,
      );
    }
    handlers.set(fn.key, exported as Handler);
  }
  return handlers;
}
