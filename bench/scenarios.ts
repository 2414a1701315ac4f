import { runAdminPage } from './admin-page';
import { runBundle } from './bundle';
import { runBurst } from './burst';
import { runGadget } from './gadget';
import { runHandler } from './handler';
import { runLifecycle } from './lifecycle';
import { DEFAULT_QUOTA_DAY_SCALE, runQuotaDay } from './quota-day';

function quotaDayScale(argv: readonly string[]): number {
  const given = argv.find((arg) => arg.startsWith('--quota-day-scale='))?.slice('--quota-day-scale='.length);
  if (given === undefined) return DEFAULT_QUOTA_DAY_SCALE;
  const scale = Number(given);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--quota-day-scale must be a number in (0, 1], not ${given}`);
  return scale;
}

/** The bench's scenarios by name, in the order `npm run bench` runs them. */
export const SCENARIOS: Record<string, (argv: readonly string[]) => Promise<object>> = {
  lifecycle: runLifecycle,
  burst: runBurst,
  quotaDay: (argv) => runQuotaDay(quotaDayScale(argv)),
  handler: runHandler,
  bundle: () => runBundle(),
  adminPage: runAdminPage,
  gadget: runGadget,
};
