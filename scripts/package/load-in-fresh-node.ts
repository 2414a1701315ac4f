import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface LoadedBundle {
  /** Time to `require` the bundle: what a cold Forge invocation pays before its handler runs. */
  importMs: number;
  /**
   * CPU time (user + system) the same require took: on a machine shared with other work the wall time includes
   * waiting for a core, which a Forge invocation, alone on its instance, does not.
   */
  importCpuMs: number;
  /** `typeof` of each export. */
  exportTypes: Record<string, string>;
}

const LOADER = `
const cpu = process.cpuUsage();
const started = process.hrtime.bigint();
const loaded = require(process.argv[1]);
const importMs = Number(process.hrtime.bigint() - started) / 1e6;
const used = process.cpuUsage(cpu);
const importCpuMs = (used.user + used.system) / 1e3;
const exportTypes = Object.fromEntries(Object.keys(loaded).map((name) => [name, typeof loaded[name]]));
process.stdout.write(JSON.stringify({ importMs, importCpuMs, exportTypes }));
`;

/**
 * Requires a bundle in a new Node process started in the bundle's folder with nothing but PATH in its environment,
 * so the bundle must stand on its own. Throws with the process's own error when the require fails.
 */
export function loadInFreshNode(file: string): LoadedBundle {
  const absolute = path.resolve(file);
  const child = spawnSync(process.execPath, ['-e', LOADER, absolute], {
    cwd: path.dirname(absolute),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  if (child.error) throw child.error;
  if (child.status !== 0) {
    const thrown = child.stderr.split('\n').find((line) => /^\w*Error\b/.test(line)) ?? child.stderr.trim();
    throw new Error(`require(${path.basename(absolute)}) failed: ${thrown}`);
  }
  return JSON.parse(child.stdout) as LoadedBundle;
}
