import { kvs, MetadataField } from '@forge/kvs';
import { deliveryLog, forgeError, KvsHarness } from './harness';

describe('local KVS: batchSet / batchGet / batchDelete', () => {
  let harness: KvsHarness;
  beforeEach(() => {
    harness = new KvsHarness([deliveryLog]);
  });
  afterEach(() => harness.close());

  it('applies each item on its own and reports failures per key', async () => {
    const result = await kvs.batchSet<unknown>([
      { key: 'a', value: 1 },
      { key: 'bad/key', value: 2 },
      { key: 'd1', value: { receivedAt: 1, outcome: 'ok' }, entityName: 'delivery-log' },
      { key: 'd2', value: { receivedAt: 'later' }, entityName: 'delivery-log' },
      { key: 'e1', value: {}, entityName: 'no-such-entity' },
      { key: 'ttl', value: 3, options: { ttl: { value: 1, unit: 'SECONDS' } } },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'a' }, { key: 'd1', entityName: 'delivery-log' }, { key: 'ttl' }]);
    expect(result.failedKeys).toEqual([
      { key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } },
      { key: 'd2', entityName: 'delivery-log', error: { code: 'INVALID_ENTITY_VALUE', message: expect.any(String) } },
      { key: 'e1', entityName: 'no-such-entity', error: { code: 'INVALID_ENTITY_TYPE', message: expect.any(String) } },
    ]);

    harness.clock.advance(1_000);
    const read = await kvs.batchGet([{ key: 'a' }, { key: 'd1', entityName: 'delivery-log' }, { key: 'ttl' }]);
    expect(read.successfulKeys).toEqual([
      { key: 'a', value: 1 },
      { key: 'd1', entityName: 'delivery-log', value: { receivedAt: 1, outcome: 'ok' } },
    ]);
    expect(read.failedKeys).toEqual([{ key: 'ttl', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);

    const removed = await kvs.batchDelete([{ key: 'a' }, { key: 'd1', entityName: 'delivery-log' }, { key: 'gone' }]);
    expect(removed.successfulKeys).toEqual([{ key: 'a' }, { key: 'd1', entityName: 'delivery-log' }]);
    expect(removed.failedKeys).toEqual([
      { key: 'gone', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } },
    ]);
    expect(await kvs.get('a')).toBeUndefined();
  });

  it('returns the metadata each batchGet item asks for', async () => {
    await kvs.set('m', 'v');
    const read = await kvs.batchGet([
      { key: 'm', options: { metadataFields: [MetadataField.UPDATED_AT] } } as { key: string },
    ]);
    expect(read.successfulKeys).toEqual([{ key: 'm', value: 'v', updatedAt: Math.floor(harness.clock.now() / 1000) }]);
  });

  it('refuses an empty batch, more than 25 items and a key named twice, applying nothing', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    await expect(kvs.batchSet(items)).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
    expect(await kvs.get('k0')).toBeUndefined();
    await expect(kvs.batchSet(items.slice(0, 25))).resolves.toMatchObject({ failedKeys: [] });

    await expect(kvs.batchSet([])).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
    await expect(kvs.batchGet([{ key: 'k1' }, { key: 'k1' }])).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
    await expect(kvs.batchDelete([{ key: 'k1' }, { key: 'k1' }])).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
    expect(await kvs.get('k1')).toBe(1);
  });
});
