import { kvs } from '@forge/kvs';
import { deliveryLog, forgeError, KvsHarness } from './harness';

const rateLimited = forgeError('RATE_LIMIT_EXCEEDED', 429);

describe("local KVS: Forge's per-installation quotas, as @forge/kvs meets them", () => {
  let harness: KvsHarness;
  beforeEach(() => {
    harness = new KvsHarness([deliveryLog]);
  });
  afterEach(() => harness.close());

  it('answers 429 RATE_LIMIT_EXCEEDED past the writes of a minute; the refused write lands nowhere', async () => {
    harness.quotas = { ...harness.quotas, writesPerMinute: 3 };
    for (let n = 0; n < 3; n += 1) await kvs.set(`key-${n}`, n);
    const refused = kvs.set('key-3', 3);
    await expect(refused).rejects.toMatchObject(rateLimited);
    await expect(refused).rejects.toThrow(/3 KVS write units for this minute/);
    // Reads have their own budget; the refused write is not there. The SDK does not retry.
    expect(await kvs.get('key-3')).toBeUndefined();
    expect(harness.sent.filter((request) => request.path === '/api/v1/set')).toHaveLength(4);
    // The next minute on the runtime clock has a new budget.
    harness.clock.advance(60_000);
    await kvs.set('key-3', 3);
    expect(await kvs.get('key-3')).toBe(3);
  });

  it('counts a request per started 10 KB: a 25 KB value is 3 writes, a 25-item batch of small values 1', async () => {
    harness.quotas = { ...harness.quotas, writesPerMinute: 4 };
    await kvs.set('big', 'x'.repeat(25 * 1024));
    expect(harness.store.usage()).toMatchObject({ writes: 1, writeUnits: 3 });
    await kvs.batchSet(Array.from({ length: 25 }, (_, n) => ({ key: `small-${n}`, value: n })));
    expect(harness.store.usage()).toMatchObject({ writes: 2, writeUnits: 4 });
    await expect(kvs.set('one-more', 1)).rejects.toMatchObject(rateLimited);
  });

  it('charges reads by what they return, and refuses them once the minute’s reads are spent', async () => {
    harness.quotas = { ...harness.quotas, readsPerMinute: 3 };
    await kvs.set('big', 'x'.repeat(15 * 1024));
    expect(await kvs.get('big')).toHaveLength(15 * 1024);
    expect(harness.store.usage()).toMatchObject({ reads: 1, readUnits: 2 });
    expect(await kvs.get('missing')).toBeUndefined();
    await expect(kvs.get('big')).rejects.toMatchObject(rateLimited);
    expect(harness.store.usage()).toMatchObject({ reads: 2, readUnits: 3, refused: 1 });
  });

  it('limits requests per second, entity and transaction requests included', async () => {
    harness.quotas = { ...harness.quotas, requestsPerSecond: 2 };
    await kvs.entity('delivery-log').set('d-1', { receivedAt: 1, outcome: 'processed' });
    await kvs.transact().set('t-1', 1).execute();
    await expect(kvs.entity('delivery-log').get('d-1')).rejects.toMatchObject(rateLimited);
    harness.clock.advance(1_000);
    expect(await kvs.entity('delivery-log').get('d-1')).toEqual({ receivedAt: 1, outcome: 'processed' });
  });

  it('counts what was used for the bench: requests, reads, writes, units, refusals, per operation', async () => {
    await kvs.set('a', 1);
    await kvs.get('a');
    await kvs.delete('a');
    expect(harness.store.usage()).toEqual({
      requests: 3,
      reads: 1,
      writes: 2,
      readUnits: 1,
      writeUnits: 2,
      refused: 0,
      byOperation: { '/api/v1/set': 1, '/api/v1/get': 1, '/api/v1/delete': 1 },
    });
    harness.store.resetUsage();
    expect(harness.store.usage()).toMatchObject({ requests: 0, byOperation: {} });
  });

  it('enforces nothing when switched off, and still counts', async () => {
    harness.quotas = { ...harness.quotas, enabled: false, writesPerMinute: 1 };
    for (let n = 0; n < 5; n += 1) await kvs.set(`k-${n}`, n);
    expect(harness.store.usage()).toMatchObject({ writes: 5, refused: 0 });
  });

  it("answers Forge's codes for entity names of the wrong length", async () => {
    await expect(kvs.entity('ab').get('k')).rejects.toMatchObject(forgeError('ENTITY_TYPE_TOO_SHORT', 400));
    await expect(kvs.entity('e'.repeat(61)).get('k')).rejects.toMatchObject(forgeError('ENTITY_TYPE_TOO_LARGE', 400));
  });
});
