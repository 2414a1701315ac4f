import { recordDelivery, type DeliveryRecord } from '../../../src/adapters/storage/activity-log';
import { putLink } from '../../../src/adapters/storage/links';
import type { ActivityGroupView, ActivityPage } from '../../../src/entry/resolvers/api';
import { startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const MINUTE = 60_000;
/** A Wave invoice's global id, as thin deliveries name it. */
const INVOICE_ID = Buffer.from('Business:3f8a1c2e-0000-4000-8000-000000000001;Invoice:2496756670638588934').toString(
  'base64',
);

const attempt = (minute: number, outcome: DeliveryRecord['outcome'], extra: Partial<DeliveryRecord> = {}) =>
  recordDelivery({ receivedAt: T0 + minute * MINUTE, outcome, source: 'webhook', eventType: 'invoice.sent', ...extra });

async function page(payload: Record<string, unknown> = {}): Promise<ActivityPage> {
  const answer = await harness.call('listActivity', payload);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

const summary = (group: ActivityGroupView) =>
  `${group.eventId ?? group.eventType}: ${group.outcome} ×${group.attempts}`;

describe('Activity, one row per event', () => {
  it("groups an event's attempts: how many, first and last time, the last outcome, facts from any attempt", async () => {
    await attempt(0, 'failed', { eventId: 'evt-a', reason: `Wave is unavailable (HTTP 503) reading ${INVOICE_ID}` });
    await attempt(1, 'processed', { eventId: 'evt-b', invoiceNumber: '2001', issueKey: 'BILL-2' });
    await attempt(2, 'failed', { eventId: 'evt-a', reason: 'Wave is unavailable (HTTP 503)' });
    await attempt(5, 'processed', { eventId: 'evt-a', invoiceNumber: '1042', issueKey: 'BILL-1', reason: '' });
    await attempt(6, 'processed', { eventType: 'backfill', source: undefined, reason: 'Backfill finished.' });

    const { groups, nextCursor, serverNow } = await page();
    expect(nextCursor).toBeUndefined();
    expect(serverNow).toEqual(expect.any(Number));
    expect(groups.map(summary)).toEqual(['backfill: processed ×1', 'evt-a: processed ×3', 'evt-b: processed ×1']);
    expect(groups[1]).toMatchObject({
      firstAt: T0,
      lastAt: T0 + 5 * MINUTE,
      invoiceNumber: '1042',
      issueKey: 'BILL-1',
      replayable: false,
    });
    expect(groups[1]?.whatToDo).toBeUndefined();
  });

  it('says what to do about a failure, offers its replay, and names invoices by number instead of base64 ids', async () => {
    await putLink('invoice', INVOICE_ID, { invoiceNumber: '1042' });
    await attempt(0, 'failed', {
      eventId: 'evt-down',
      reason: `Wave no longer knows invoice ${INVOICE_ID}, or Wave is unavailable (HTTP 503)`,
    });
    await attempt(1, 'failed', { eventId: 'evt-config', reason: 'no Jira project is configured for Wave invoices' });
    await attempt(2, 'failed', {
      eventId: 'evt-other',
      reason: `Wave could not read ${Buffer.from('Business:3f8a1c2e-0000-4000-8000-000000000001;Invoice:7').toString('base64')}`,
    });
    const { groups } = await page({ outcome: 'failed' });
    const byEvent = Object.fromEntries(groups.map((group) => [group.eventId, group]));
    expect(byEvent['evt-down']).toMatchObject({
      replayable: true,
      reason: 'Wave no longer knows invoice 1042, or Wave is unavailable (HTTP 503)',
      whatToDo: expect.stringContaining('Jira or Wave was unavailable'),
    });
    expect(byEvent['evt-config']?.whatToDo).toContain('Finish the setup under Defaults');
    expect(byEvent['evt-other']?.reason).toBe('Wave could not read Wave invoice 7');
  });

  it('filters by the outcome an event ended with, not by its attempts', async () => {
    await attempt(0, 'failed', { eventId: 'evt-recovered' });
    await attempt(1, 'processed', { eventId: 'evt-recovered' });
    await attempt(2, 'failed', { eventId: 'evt-failing' });
    expect((await page({ outcome: 'failed' })).groups.map(summary)).toEqual(['evt-failing: failed ×1']);
    expect((await page({ outcome: 'processed' })).groups.map(summary)).toEqual(['evt-recovered: processed ×2']);
  });

  it('pages without showing an event twice, its older attempts counted in its row', async () => {
    // 30 events, newest first; each retried once a minute later; event 12 also retried much later.
    for (let event = 0; event < 30; event += 1) {
      await attempt(event * 10, 'failed', { eventId: `evt-${event}` });
      await attempt(event * 10 + 1, 'processed', { eventId: `evt-${event}` });
    }
    await attempt(400, 'duplicate', { eventId: 'evt-12' });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const next = await page({ limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...next.groups.map(summary));
      cursor = next.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThan(1);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(seen[0]).toBe('evt-12: duplicate ×3');
    expect(seen.filter((row) => row !== 'evt-12: duplicate ×3')).toEqual(
      Array.from({ length: 30 }, (_, index) => 29 - index)
        .filter((event) => event !== 12)
        .map((event) => `evt-${event}: processed ×2`),
    );
  });

  it('refuses a cursor it did not hand out', async () => {
    const answer = await harness.call('listActivity', { cursor: 'bm90LWEtY3Vyc29y' });
    expect(answer.ok === false && answer.error.code).toBe('INVALID_INPUT');
  });
});
