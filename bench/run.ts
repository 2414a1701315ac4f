/**
 * `npm run bench [-- --json] [-- --only=lifecycle,burst] [-- --quota-day-scale=1]`: the benchmark scenarios on the
 * local stack, one after another (each in its own Node process, on its own fresh stack). Prints a table and the targets met or missed; with
 * --json the last line of stdout is the same figures as one JSON object. Every run is saved under bench/results/.
 * Exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTargets, saveResult, table, targetLines, type Figures } from './report';
import { SCENARIOS } from './scenarios';

/** Runs one scenario in a fresh Node process (`scenario-process.ts`: why) and answers its figures. */
function runInOwnProcess(name: string): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wave-jira-bench-figures-'));
  try {
    const file = path.join(dir, `${name}.json`);
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, path.join(__dirname, 'scenario-process.ts'), name, file, ...process.argv.slice(2)],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (!fs.existsSync(file))
      return { error: `the scenario's process ended (${child.status ?? child.signal}) without figures` };
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function selected(argv: readonly string[]): string[] {
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (!only) return Object.keys(SCENARIOS);
  const names = only.split(',');
  const unknown = names.filter((name) => !(name in SCENARIOS));
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  return names;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const startedAt = new Date();
  const figures: Figures = {};
  for (const name of selected(process.argv)) {
    const started = performance.now();
    process.stderr.write(`bench: ${name}…\n`);
    figures[name] = runInOwnProcess(name);
    process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const targets = checkTargets(figures);
  const result = {
    ...figures,
    targets,
    run: {
      startedAt: startedAt.toISOString(),
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg(),
    },
  };
  const file = saveResult(result, startedAt);
  process.stdout.write(`${table(figures)}\n\n${targetLines(figures, targets)}\n\nsaved ${file}\n`);
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  if (Object.values(targets).some((met) => !met)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
