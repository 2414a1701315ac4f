import { WEB_TRIGGER_KEYS } from '../src/adapters/forge/web-triggers';
import { runInvoiceLifecycle } from '../test/support/wave-workload';
import { startBenchStack } from './bench-stack';
import { recordOutboundTime } from './outbound-time';
import { percentile } from './percentile';

const WARMUP_INVOICES = 10;
const MEASURED_INVOICES = 60;

export interface HandlerFigures {
  samples: number;
  p50Us: number;
  p99Us: number;
}

/**
 * In-process cost of one delivery: the web trigger invocation's wall time (the runtime measures it) minus
 * the time its Jira and Wave requests were in flight. Deliveries run one at a time (created, sent, paid of
 * each invoice), rate limits off, so nothing else overlaps and no rate-limit wait is counted.
 */
export async function runHandler(): Promise<HandlerFigures> {
  const t = await startBenchStack();
  const outbound = recordOutboundTime(['/jira/', '/wave/']);
  try {
    t.stack.jira.setRateLimitsEnabled(false);
    const samplesUs: number[] = [];
    for (let i = 0; i < WARMUP_INVOICES + MEASURED_INVOICES; i += 1) {
      for (const delivery of await runInvoiceLifecycle(t.stack.wave, ['created', 'sent', 'paid'], {
        paymentReceived: false,
      })) {
        await t.stack.runtime.idle();
        outbound.clear();
        const from = performance.now();
        const answer = await t.post(delivery.body);
        const to = performance.now();
        if (answer.status !== 200)
          throw new Error(`delivery answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        const invocation = t.stack.runtime
          .invocationHistory()
          .filter((record) => record.moduleKey === WEB_TRIGGER_KEYS.waveWebhook)
          .at(-1);
        if (!invocation) throw new Error('the runtime recorded no wave-webhook invocation');
        if (i >= WARMUP_INVOICES) samplesUs.push(Math.max(0, invocation.ms - outbound.within(from, to)) * 1000);
      }
    }
    return { samples: samplesUs.length, p50Us: percentile(samplesUs, 0.5), p99Us: percentile(samplesUs, 0.99) };
  } finally {
    outbound.stop();
    await t.close();
  }
}
