import { scheduleDeliveries } from '../support/delivery-schedule';
import { compareJiraWithWave } from '../support/jira-vs-wave';
import { startTestStack, type TestStack } from '../support/test-stack';
import { sendLikeWave } from '../support/wave-like-sender';
import { runInvoiceLifecycle, type WaveDelivery } from '../support/wave-workload';

/**
 * Everything Jira and Wave do wrong at once, at a size `npm test` affords: 20% of Jira requests fail
 * with a 5xx, a 429 storm, a 30 s outage (ended by moving the runtime clock), every event delivered
 * up to 3 more times, events reordered. After Wave-like retries Jira must equal Wave.
 */
const INVOICES = 8;
const STORMS_AT_ANSWERS = [30, 130];
const OUTAGE_AT_ANSWER = 70;

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => t.close());

/** Starts 429 storms and the outage as answers come in; ends the outage once the app has refused three deliveries during it. */
function faultScript(stack: TestStack['stack']) {
  let answers = 0;
  let outageRefusals = 0;
  let outageEnded = false;
  const faults = { storms: 0, outageRefusals: 0 };
  return {
    faults,
    onAnswer: async (status: number) => {
      answers += 1;
      if (STORMS_AT_ANSWERS.includes(answers)) {
        stack.jira.setFaults({ rateLimitStorm: { durationMs: 1_500 } });
        faults.storms += 1;
      }
      if (answers === OUTAGE_AT_ANSWER) stack.jira.setFaults({ outage: { durationMs: 30_000 } });
      if (answers > OUTAGE_AT_ANSWER && !outageEnded && status === 503) {
        outageRefusals += 1;
        faults.outageRefusals = outageRefusals;
        if (outageRefusals === 3) {
          outageEnded = true;
          await stack.runtime.advanceClock(31_000);
        }
      }
    },
  };
}

describe('fault harness: Jira failing in every way, Wave retrying, duplicating and reordering', () => {
  it('ends with Jira equal to Wave for every invoice: no loss, no duplicate, worklogs adding up to the payments', async () => {
    const lifecycles: WaveDelivery[][] = [];
    for (let i = 0; i < INVOICES; i += 1) {
      lifecycles.push(
        await runInvoiceLifecycle(t.stack.wave, ['created', 'sent', 'viewed', 'partial-payment', 'paid']),
      );
    }
    const schedule = scheduleDeliveries(lifecycles, {
      seed: 11,
      spacing: 2,
      jitter: 5,
      duplicateRate: 1,
      maxCopies: 3,
    });
    expect(schedule.reordered).toBeGreaterThan(0);

    t.stack.jira.setFaults({ errorRate: 0.2, seed: 5 });
    const script = faultScript(t.stack);
    const report = await sendLikeWave(schedule.deliveries, {
      concurrency: 8,
      retry: { initialDelayMs: 50, maxDelayMs: 1_000, maxAttempts: 100 },
      post: (body) => t.post(body),
      onAnswer: script.onAnswer,
    });
    t.stack.jira.clearFaults();

    expect(script.faults).toEqual({ storms: 2, outageRefusals: 3 });
    expect(report.refused).toBeGreaterThan(0);
    expect(report.gaveUp).toBe(0);
    const check = compareJiraWithWave(t.stack.jira, t.stack.wave, {
      invoiceIds: new Set(lifecycles.map((events) => events[0]!.invoiceId)),
    });
    expect(check).toEqual({ invoices: INVOICES, lost: [], duplicates: [], mismatched: [] });
  }, 180_000);
});
