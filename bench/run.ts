/**
 * `npm run bench [-- --json] [-- --only=lifecycle,burst] [-- --quota-day-scale=1]`: the benchmark scenarios on the
 * local stack, one after another (each on its own fresh stack). Prints a table and the targets met or missed; with
 * --json the last line of stdout is the same figures as one JSON object. Every run is saved under bench/results/.
 * Exits 1 when a target is missed.
 */
import os from 'node:os';
import { runAdminPage } from './admin-page';
import { runBundle } from './bundle';
import { runBurst } from './burst';
import { runHandler } from './handler';
import { runLifecycle } from './lifecycle';
import { DEFAULT_QUOTA_DAY_SCALE, runQuotaDay } from './quota-day';
import { checkTargets, saveResult, table, targetLines, type Figures } from './report';

function quotaDayScale(argv: readonly string[]): number {
  const given = argv.find((arg) => arg.startsWith('--quota-day-scale='))?.slice('--quota-day-scale='.length);
  if (given === undefined) return DEFAULT_QUOTA_DAY_SCALE;
  const scale = Number(given);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--quota-day-scale must be a number in (0, 1], not ${given}`);
  return scale;
}

const SCENARIOS: Record<string, () => Promise<object>> = {
  lifecycle: runLifecycle,
  burst: runBurst,
  quotaDay: () => runQuotaDay(quotaDayScale(process.argv)),
  handler: runHandler,
  bundle: runBundle,
  adminPage: runAdminPage,
};

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
    try {
      figures[name] = { ...(await (SCENARIOS[name] as () => Promise<object>)()) };
    } catch (error) {
      figures[name] = { error: error instanceof Error ? error.message : String(error) };
    }
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
