import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { bundleLikeForgeDeploy, removeBundle, type ForgeBundle } from '../scripts/package/forge-bundler';
import { loadInFreshNode } from '../scripts/package/load-in-fresh-node';
import { bytesPerPackage, jsonDataOf, packageOf } from './bundle-composition';
import { minifyBundle } from './minify';
import { percentile } from './percentile';

const REPO = path.resolve(__dirname, '..');
const IMPORT_RUNS = 5;

export interface BundleFigures {
  /** The largest function bundle, minified (what issue 13's ≤ 300 KB target is about). */
  bytes: number;
  gzipBytes: number;
  /** The same bundle as `forge deploy` ships it: Forge's bundler does not minify. */
  deployBytes: number;
  /** Median cold `require` of the shipped bundle in a fresh Node: what a cold Forge invocation pays. */
  coldImportMs: number;
  /** The same for the minified bundle. */
  minifiedColdImportMs: number;
  /** Minified bytes of each function's bundle, by manifest key. */
  functions: Record<string, number>;
  /** Minified bytes of the largest bundle by package (`src` is the app's own code), largest first. */
  packages: Record<string, number>;
}

interface MinifiedBundle {
  file: string;
  deployBytes: number;
  bytes: number;
  minifiedFile: string;
  packages: Record<string, number>;
}

async function minifyOne(bundle: ForgeBundle, file: string, scratch: string): Promise<MinifiedBundle> {
  const shipped = path.join(bundle.outputDir, file);
  const code = fs.readFileSync(shipped, 'utf8');
  const minified = await minifyBundle(code, fs.readFileSync(`${shipped}.map`, 'utf8'));
  const minifiedFile = path.join(scratch, file);
  fs.mkdirSync(path.dirname(minifiedFile), { recursive: true });
  fs.writeFileSync(minifiedFile, minified.code);
  const bundled = [...new Set(minified.map.sources.flatMap((source) => (source ? [packageOf(source)] : [])))];
  const jsonData = jsonDataOf(path.join(REPO, 'node_modules'), bundled);
  return {
    file,
    deployBytes: Buffer.byteLength(code),
    bytes: Buffer.byteLength(minified.code),
    minifiedFile,
    packages: bytesPerPackage(minified.code, minified.map, jsonData),
  };
}

function medianImportMs(file: string): number {
  return percentile(
    Array.from({ length: IMPORT_RUNS }, () => loadInFreshNode(file).importMs),
    0.5,
  );
}

/**
 * Every function of manifest.yml bundled by Forge's own bundler as `forge deploy` does (scripts/package/), each bundle
 * minified as webpack's production minimizer would, sized, and imported cold in fresh Node processes.
 */
export async function runBundle(appDir: string = REPO): Promise<BundleFigures> {
  const bundle = await bundleLikeForgeDeploy(appDir, (warning) =>
    process.stderr.write(`bundler warning: ${warning}\n`),
  );
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wave-jira-minified-'));
  try {
    const files = [...new Set(bundle.functions.map((fn) => fn.file))];
    const minified = new Map<string, MinifiedBundle>();
    for (const file of files) minified.set(file, await minifyOne(bundle, file, scratch));
    const largest = [...minified.values()].reduce((max, one) => (one.bytes > max.bytes ? one : max));
    return {
      bytes: largest.bytes,
      gzipBytes: zlib.gzipSync(fs.readFileSync(largest.minifiedFile), { level: 9 }).length,
      deployBytes: largest.deployBytes,
      coldImportMs: medianImportMs(path.join(bundle.outputDir, largest.file)),
      minifiedColdImportMs: medianImportMs(largest.minifiedFile),
      functions: Object.fromEntries(bundle.functions.map((fn) => [fn.key, minified.get(fn.file)?.bytes ?? 0])),
      packages: largest.packages,
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
    removeBundle(bundle);
  }
}
