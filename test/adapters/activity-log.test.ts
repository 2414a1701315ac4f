import { latestDeliveries, recordDelivery, type DeliveryRecord } from '../../src/adapters/storage/activity-log';
import { startForgeHarness, type ForgeHarness } from './support/forge-harness';

let harness: ForgeHarness;
beforeEach(() => {
  harness = startForgeHarness();
});
afterEach(() => harness.close());

const delivery = (
  receivedAt: number,
  outcome: DeliveryRecord['outcome'],
  extra: Partial<DeliveryRecord> = {},
): DeliveryRecord => ({
  receivedAt,
  outcome,
  eventType: 'invoice.updated',
  eventId: `evt-${receivedAt}`,
  ...extra,
});

describe('activity log', () => {
  it('lists deliveries newest first, filters by outcome and pages with a cursor', async () => {
    await recordDelivery(delivery(1_000, 'processed', { invoiceNumber: '1001', issueKey: 'FIN-1' }));
    await recordDelivery(delivery(3_000, 'duplicate', { invoiceNumber: '1001' }));
    await recordDelivery(delivery(2_000, 'rejected', { reason: 'bad signature' }));
    await recordDelivery(delivery(4_000, 'processed', { invoiceNumber: '1002', issueKey: 'FIN-2' }));

    const all = await latestDeliveries();
    expect(all.entries.map((e) => e.receivedAt)).toEqual([4_000, 3_000, 2_000, 1_000]);
    expect(all.entries[2]).toEqual({
      receivedAt: 2_000,
      outcome: 'rejected',
      reason: 'bad signature',
      eventType: 'invoice.updated',
      eventId: 'evt-2000',
    });

    const processed = await latestDeliveries({ outcome: 'processed' });
    expect(processed.entries.map((e) => e.issueKey)).toEqual(['FIN-2', 'FIN-1']);

    const first = await latestDeliveries({ limit: 3 });
    expect(first.entries).toHaveLength(3);
    expect(first.nextCursor).toBeDefined();
    const rest = await latestDeliveries({ limit: 3, cursor: first.nextCursor as string });
    expect(rest.entries.map((e) => e.receivedAt)).toEqual([1_000]);
  });

  it('clips long reasons and forgets entries after 30 days', async () => {
    await recordDelivery(delivery(1, 'failed', { reason: 'x'.repeat(2_000) }));
    const [entry] = (await latestDeliveries()).entries;
    expect(entry?.reason?.length).toBe(500);
    harness.clock.advance(31 * 24 * 3600_000);
    expect((await latestDeliveries()).entries).toEqual([]);
  });
});
