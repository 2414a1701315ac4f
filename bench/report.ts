import fs from 'node:fs';
import path from 'node:path';

export type Figures = Record<string, Record<string, unknown>>;

export interface Target {
  key: string;
  wanted: string;
  met: (value: number) => boolean;
}

const atMost = (key: string, limit: number): Target => ({ key, wanted: `<= ${limit}`, met: (value) => value <= limit });
const atLeast = (key: string, limit: number): Target => ({
  key,
  wanted: `>= ${limit}`,
  met: (value) => value >= limit,
});
const none = (key: string): Target => ({ key, wanted: '= 0', met: (value) => value === 0 });

/** The issues' targets (12: bench under every limit; 13: a lean core), by `scenario.figure`. */
export const TARGETS: Target[] = [
  atMost('lifecycle.ratioToFloor', 1.1),
  atMost('lifecycle.ratioToNaive', 0.5),
  none('burst.duplicates'),
  none('burst.lost'),
  none('burst.mismatched'),
  atLeast('burst.efficiency', 0.85),
  atMost('burst.kvsWritesPerDelivery', 2),
  // Within 25% of the quota's own bound (finishing sooner than the bound is not a miss: the quota resets on the hour).
  atMost('quotaDay.hoursOverBound', 1.25),
  none('quotaDay.lost'),
  none('quotaDay.duplicates'),
  none('quotaDay.mismatched'),
  atMost('bundle.bytes', 300_000),
  atMost('bundle.coldImportMs', 50),
  { key: 'gadget.loadMs', wanted: '< 2000', met: (value) => value < 2000 },
];

export function valueAt(figures: Figures, key: string): unknown {
  const [scenario, figure] = key.split('.') as [string, string];
  return figures[scenario]?.[figure];
}

/** `{ "burst.efficiency >= 0.85": true, ... }` for the scenarios that ran; a missing figure (the scenario failed) misses. */
export function checkTargets(figures: Figures): Record<string, boolean> {
  return Object.fromEntries(
    TARGETS.filter((target) => (target.key.split('.')[0] as string) in figures).map((target) => {
      const value = valueAt(figures, target.key);
      return [`${target.key} ${target.wanted}`, typeof value === 'number' && target.met(value)];
    }),
  );
}

/** One line per target of the scenarios that ran: `PASS|FAIL  key wanted  (value)`. */
export function targetLines(figures: Figures, targets: Record<string, boolean>): string {
  const lines = TARGETS.filter((target) => `${target.key} ${target.wanted}` in targets).map((target) => {
    const name = `${target.key} ${target.wanted}`;
    return `${targets[name] ? 'PASS' : 'FAIL'}  ${name}  (${format(valueAt(figures, target.key))})`;
  });
  const missed = Object.values(targets).filter((met) => !met).length;
  return [`targets: ${lines.length - missed} met, ${missed} missed`, ...lines].join('\n');
}

function format(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.join(' | ');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([name, item]) => `${name} ${format(item)}`)
      .join(' | ');
  return String(value);
}

const LONG_VALUE = 24;

/** One row per figure: `scenario.figure  value  target`. */
export function table(figures: Figures): string {
  const rows: Array<[string, string, string]> = [];
  for (const [scenario, values] of Object.entries(figures)) {
    for (const [figure, value] of Object.entries(values)) {
      const key = `${scenario}.${figure}`;
      const target = TARGETS.find((candidate) => candidate.key === key);
      const verdict = target
        ? `${target.wanted} ${typeof value === 'number' && target.met(value) ? 'ok' : 'MISSED'}`
        : '';
      rows.push([key, format(value), verdict]);
    }
  }
  // A long value (a list, a breakdown) runs past the column rather than widening it for every number.
  const widths = [0, 1].map((column) =>
    Math.max(...rows.map((row) => row[column]!.length).filter((length) => column === 0 || length <= LONG_VALUE)),
  );
  return rows
    .map(([key, value, verdict]) => `${key.padEnd(widths[0]!)}  ${value.padStart(widths[1]!)}  ${verdict}`.trimEnd())
    .join('\n');
}

/** Writes the run to `bench/results/<timestamp>.json` and returns the path. */
export function saveResult(result: object, startedAt: Date): string {
  const dir = path.resolve(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
