import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { percentile } from './percentile';

const REPO = path.resolve(__dirname, '..');
const IMPORT_RUNS = 5;

export interface BundleFigures {
  bytes: number;
  coldImportMs: number;
}

/** Time to `require` the bundle in a fresh Node process (what a cold Forge invocation pays before the handler runs). */
function coldImportMs(file: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  return Number(
    execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }),
  );
}

/**
 * The Forge function bundle as `forge deploy` ships it: every handler of `src/index.ts` and its
 * dependencies in one minified CommonJS file for the manifest's Node runtime (Node built-ins left out).
 */
export async function runBundle(): Promise<BundleFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wave-jira-bundle-'));
  try {
    const outfile = path.join(dir, 'index.js');
    await build({
      entryPoints: [path.join(REPO, 'src/index.ts')],
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      logLevel: 'silent',
    });
    const times = Array.from({ length: IMPORT_RUNS }, () => coldImportMs(outfile));
    return { bytes: fs.statSync(outfile).size, coldImportMs: percentile(times, 0.5) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
