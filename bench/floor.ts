import type { WaveInvoice, WavePayment } from '../src/domain/wave-webhook';
import type { WaveDelivery } from '../test/support/wave-workload';
import type { BenchWorkflow } from './jira-workflow';

/**
 * The Jira writes strictly needed to show one invoice's events as they arrive: one create; one field write
 * per newer Wave state (the app's fields cannot be set on create); the fewest transitions the workflow
 * allows between the statuses those states map to; one worklog per payment. Nothing for a repeated event,
 * a stale state, or reads.
 */
export function floorWrites(deliveries: readonly WaveDelivery[], workflow: BenchWorkflow): number {
  let writes = 0;
  let newest = Number.NEGATIVE_INFINITY;
  let statusId: string | null = null;
  let moneyLogged = 0;
  const seen = new Set<string>();
  for (const delivery of deliveries) {
    if (seen.has(delivery.eventId)) continue;
    seen.add(delivery.eventId);
    const { invoice, payment } = (
      JSON.parse(delivery.body) as { data: { invoice?: WaveInvoice; payment?: WavePayment } }
    ).data;
    if (payment) {
      writes += 1;
      moneyLogged += payment.amount.raw;
      continue;
    }
    if (!invoice || Date.parse(invoice.modifiedAt) <= newest) continue;
    newest = Date.parse(invoice.modifiedAt);
    if (statusId === null) {
      writes += 1;
      statusId = workflow.initialStatusId;
    }
    writes += 1;
    const target = workflow.targetFor(invoice.status, statusId);
    if (target) {
      writes += workflow.hops(statusId, target);
      statusId = target;
    }
    if (invoice.amountPaid.raw > moneyLogged) {
      writes += 1;
      moneyLogged = invoice.amountPaid.raw;
    }
  }
  return writes;
}
