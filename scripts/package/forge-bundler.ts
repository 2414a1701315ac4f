/**
 * The app's functions bundled the way `forge deploy` bundles them (`@forge/cli`'s RuntimeBundler): the handlers of
 * manifest.yml's `modules.function` through `ConfigFile.getAppHandlers`, one webpack entry per handler module
 * (`getEntryPoints`), and Forge's node bundler (`getNodeBundler`: ts-loader with the app's tsconfig.json, webpack in
 * production mode without minification, target node18, one `<module>.cjs` and its source map per entry).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getEntryPoints, getNodeBundler } from '@forge/bundler';
import { ConfigFile, FileSystemReader, FileSystemWriter, NullLogger, type Logger } from '@forge/cli-shared';

export const FORGE_BUNDLER_VERSION: string = require('@forge/bundler/package.json').version;

export interface ManifestFunction {
  /** The manifest key, e.g. `wave-webhook-fn`. */
  key: string;
  /** As written in the manifest, e.g. `index.waveWebhook`. */
  handler: string;
  /** The bundle Forge loads for it, relative to the output folder, e.g. `index.cjs`. */
  file: string;
  /** The export the runtime calls, e.g. `waveWebhook`. */
  exportName: string;
}

export interface ForgeBundle {
  /** The bundles and their source maps, in a temporary folder outside the app (no node_modules above it). */
  outputDir: string;
  /** What removeBundle deletes: outputDir and anything else the bundler wrote. */
  tempDir: string;
  functions: ManifestFunction[];
  /** The manifest's `app.runtime.name`, e.g. `nodejs22.x`. */
  runtime: string;
}

type WrapperProvider = Parameters<typeof getNodeBundler>[1];

/**
 * Deploy also adds Forge's runtime loader (`__forge__.cjs`), which it downloads from Atlassian's CDN. Offline there is
 * nothing to download: these empty scripts let the bundler run, and their outputs are dropped, not shipped.
 */
const OFFLINE_RUNTIME: WrapperProvider = {
  getNodeRuntimeWrapper: async () => ({ script: '', source: 'offline', version: 'offline' }),
  getNodeRuntimeLoader: async () => ({ script: '', source: 'offline', version: 'offline' }),
};

function manifestFunctions(functions: Array<{ key: string; handler: string }>): ManifestFunction[] {
  return functions.map(({ key, handler }) => {
    const [module, exportName] = handler.split('.') as [string, string];
    return { key, handler, file: `${module}.cjs`, exportName };
  });
}

/**
 * The bundler writes to a fresh folder under the system's temporary directory and leaves it there when bundling fails.
 * Pointing TMPDIR at a folder of our own while it runs lets us remove whatever it wrote, whatever happens.
 */
async function inOwnTemporaryDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-package-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await work(dir);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

/**
 * Bundles the app in appDir with Forge's own bundler. Runs with appDir as the working directory, as `forge deploy`
 * does (the bundler resolves `src/<module>` and reads manifest.yml and tsconfig.json from there). Throws what the
 * bundler throws: a TypeScript error, a module it cannot resolve, a malformed handler.
 */
export async function bundleLikeForgeDeploy(appDir: string, warn: (message: string) => void): Promise<ForgeBundle> {
  const previousCwd = process.cwd();
  process.chdir(path.resolve(appDir));
  try {
    const configFile = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
    const entryPoints = getEntryPoints(await configFile.getAppHandlers());
    if (entryPoints.length === 0)
      throw new Error('manifest.yml names no function (modules.function): nothing to package');
    const manifest = await configFile.readConfig();
    const functions = manifestFunctions(manifest.modules?.function ?? []);
    const logger: Logger = { ...NullLogger, warn };
    const bundler = getNodeBundler(logger, OFFLINE_RUNTIME, configFile);
    return await inOwnTemporaryDir(async (tempDir) => {
      const { outputDir } = await bundler.bundle({ appDirectory: process.cwd(), entryPoints });
      return { tempDir, outputDir, functions, runtime: manifest.app.runtime.name };
    });
  } finally {
    process.chdir(previousCwd);
  }
}

export function removeBundle(bundle: Pick<ForgeBundle, 'tempDir'>): void {
  fs.rmSync(bundle.tempDir, { recursive: true, force: true });
}
