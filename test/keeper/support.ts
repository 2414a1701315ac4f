import type { DeliveryRecord } from '../../src/adapters/storage/activity-log';
import type { KeeperHealth } from '../../src/usecases/keeper';
import type { TestStack } from '../support/test-stack';

/*
 * App modules are imported lazily, once the stack runs: `@forge/api` captures `fetch` when first
 * loaded, and must see the runtime's egress gate (which routes Wave to the sandbox), not Node's.
 */

export const HOUR_MS = 60 * 60_000;
export const DAY_MS = 24 * HOUR_MS;

export interface SandboxInvoice {
  id: string;
  invoiceNumber: string;
  modifiedAt: string;
  status: string;
}

/** Creates (or, with `id`, changes) an invoice in the Wave sandbox; `deliver: false` is a webhook lost for good. */
export async function waveInvoice(
  t: TestStack,
  invoice: Record<string, unknown>,
  deliver: boolean,
): Promise<SandboxInvoice> {
  const answer = await t.stack.wave.api.invoice({ invoice, deliver });
  return answer.invoice as unknown as SandboxInvoice;
}

export { issuesFor } from '../support/test-stack';

export async function keeperHealth(t: TestStack): Promise<KeeperHealth> {
  const { getKeeperHealth } = await import('../../src/usecases/keeper');
  return t.stack.runtime.runAsApp(() => getKeeperHealth());
}

export async function activity(t: TestStack, limit = 100): Promise<DeliveryRecord[]> {
  const { latestDeliveries } = await import('../../src/adapters/storage/activity-log');
  return (await t.stack.runtime.runAsApp(() => latestDeliveries({ limit }))).entries;
}

/** One run of the hourly keeper, now, and the queue work (sweep) it started. */
export async function runKeeperNow(t: TestStack): Promise<void> {
  const answer = await t.stack.runtime.runScheduled('keeper');
  const run = answer.runs[0];
  if (run?.outcome !== 'ok') throw new Error(`the keeper run ended ${run?.outcome ?? 'without a run'}`);
}
