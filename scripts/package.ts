/**
 * `npm run package`: proof that `forge deploy` would package the app.
 *
 *   tsx scripts/package.ts [appDir] [--out=<dir>]      (appDir defaults to the repository root, out to <appDir>/dist/forge)
 *
 * Bundles every function manifest.yml names with Forge's own bundler, as deploy does (scripts/package/forge-bundler.ts),
 * requires each function's bundle in a fresh Node process, checks that the export its handler names is a function,
 * prints one line per function and a summary, and exits 1 on any failure, saying what failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  bundleLikeForgeDeploy,
  FORGE_BUNDLER_VERSION,
  removeBundle,
  type ManifestFunction,
} from './package/forge-bundler';
import { loadInFreshNode } from './package/load-in-fresh-node';

const REPO_ROOT = path.resolve(__dirname, '..');

export interface PackagedFunction extends ManifestFunction {
  bytes: number;
  gzipBytes: number;
  importMs?: number;
  importCpuMs?: number;
  /** Why the function would not run on Forge; absent when it loads and its handler is a function. */
  failure?: string;
}

export interface PackageOutcome {
  outDir: string;
  runtime: string;
  functions: PackagedFunction[];
  failed: PackagedFunction[];
}

const bytes = (count: number): string => `${count.toLocaleString('en-US')} B`;

function checkFunction(dir: string, fn: ManifestFunction): PackagedFunction {
  const file = path.join(dir, fn.file);
  if (!fs.existsSync(file)) return { ...fn, bytes: 0, gzipBytes: 0, failure: `no bundle ${fn.file}` };
  const content = fs.readFileSync(file);
  const sizes = { bytes: content.length, gzipBytes: zlib.gzipSync(content, { level: 9 }).length };
  try {
    const { importMs, importCpuMs, exportTypes } = loadInFreshNode(file);
    const type = exportTypes[fn.exportName];
    if (type === 'function') return { ...fn, ...sizes, importMs, importCpuMs };
    const failure = type
      ? `${fn.file} exports ${fn.exportName} as a ${type}, not a function`
      : `${fn.file} has no export ${fn.exportName} (it exports ${Object.keys(exportTypes).join(', ') || 'nothing'})`;
    return { ...fn, ...sizes, importMs, importCpuMs, failure };
  } catch (error) {
    return { ...fn, ...sizes, failure: error instanceof Error ? error.message : String(error) };
  }
}

function line(fn: PackagedFunction, width: { key: number; handler: number }): string {
  const columns = [
    fn.key.padEnd(width.key),
    fn.handler.padEnd(width.handler),
    fn.file,
    bytes(fn.bytes).padStart(12),
    `gzip ${bytes(fn.gzipBytes).padStart(10)}`,
    fn.importMs === undefined ? '' : `import ${fn.importMs.toFixed(0).padStart(4)} ms`,
    fn.importCpuMs === undefined ? '' : `(cpu ${fn.importCpuMs.toFixed(0).padStart(4)} ms)`,
  ];
  return `${columns.join('  ')}  ${fn.failure ? `FAILED: ${fn.failure}` : 'ok'}`;
}

function summary(outcome: PackageOutcome, seconds: number): string {
  const { functions, failed, outDir } = outcome;
  const files = [...new Set(functions.map((fn) => fn.file))];
  const largest = functions.reduce((max, fn) => (fn.bytes > max.bytes ? fn : max));
  const head = failed.length
    ? `packaging failed: ${failed.length} of ${functions.length} functions would not run (${failed.map((fn) => fn.key).join(', ')})`
    : `${functions.length} functions packaged and loaded`;
  return [
    `${head}; ${files.length} bundle(s) (${files.join(', ')}) by @forge/bundler ${FORGE_BUNDLER_VERSION} in ${seconds.toFixed(1)} s, in ${outDir}`,
    `largest ${largest.file}: ${bytes(largest.bytes)} (gzip ${bytes(largest.gzipBytes)}), not minified, as deploy ships it`,
    `loaded on Node ${process.version} (the manifest's runtime is ${outcome.runtime}); Forge's runtime loader, which deploy downloads, is not included`,
  ].join('\n');
}

/**
 * Bundles appDir's functions as `forge deploy` does, checks each in a fresh Node (in the bundler's own temporary
 * folder, outside the app, so nothing can be resolved from the app's node_modules), then moves the bundles to outDir.
 * Throws when bundling itself fails.
 */
export async function runPackage(
  appDir: string = REPO_ROOT,
  outDir: string = path.join(appDir, 'dist', 'forge'),
  log: (line: string) => void = console.log,
): Promise<PackageOutcome> {
  const started = performance.now();
  const bundle = await bundleLikeForgeDeploy(appDir, (warning) => log(`bundler warning: ${warning}`));
  try {
    const functions = bundle.functions.map((fn) => checkFunction(bundle.outputDir, fn));
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
    fs.cpSync(bundle.outputDir, outDir, { recursive: true });
    const outcome = { outDir, runtime: bundle.runtime, functions, failed: functions.filter((fn) => fn.failure) };
    const width = {
      key: Math.max(...functions.map((fn) => fn.key.length)),
      handler: Math.max(...functions.map((fn) => fn.handler.length)),
    };
    for (const fn of functions) log(line(fn, width));
    log(summary(outcome, (performance.now() - started) / 1000));
    return outcome;
  } finally {
    removeBundle(bundle);
  }
}

function outOption(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const appDir = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? REPO_ROOT);
  const outDir = outOption(args);
  runPackage(appDir, outDir && path.resolve(outDir))
    .then(({ failed }) => {
      process.exitCode = failed.length > 0 ? 1 : 0;
    })
    .catch((error: unknown) => {
      console.error(`packaging failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
}
