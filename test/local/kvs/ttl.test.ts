import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { forgeError, KvsHarness } from './harness';

describe('local KVS: TTL on the runtime clock and FAIL_IF_EXISTS', () => {
  let harness: KvsHarness;
  beforeEach(() => {
    harness = new KvsHarness();
  });
  afterEach(() => harness.close());

  it('expires a value when the injected clock passes its TTL, and reports expireTime', async () => {
    await kvs.set('lease', 'held', { ttl: { value: 2, unit: 'MINUTES' } });
    const expiresAt = harness.clock.now() + 120_000;
    const read = await kvs.get('lease', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(read).toEqual({ key: 'lease', value: 'held', expireTime: new Date(expiresAt).toISOString() });

    harness.clock.advance(119_000);
    expect(await kvs.get('lease')).toBe('held');
    harness.clock.advance(1_000);
    expect(await kvs.get('lease')).toBeUndefined();
    expect((await kvs.query().where('key', WhereConditions.beginsWith('lease')).getMany()).results).toEqual([]);
  });

  it('accepts every TTL unit and refuses a malformed TTL', async () => {
    await kvs.set('d', 1, { ttl: { value: 1, unit: 'DAYS' } });
    await kvs.set('h', 1, { ttl: { value: 1, unit: 'HOURS' } });
    await kvs.setSecret('s', 1, { ttl: { value: 30, unit: 'SECONDS' } });
    harness.clock.advance(3_600_000);
    expect([await kvs.get('d'), await kvs.get('h'), await kvs.getSecret('s')]).toEqual([1, undefined, undefined]);

    await expect(kvs.set('bad', 1, { ttl: { value: 0, unit: 'SECONDS' } })).rejects.toMatchObject(
      forgeError('BAD_REQUEST', 400),
    );
    await expect(kvs.set('bad', 1, { ttl: { value: 1, unit: 'WEEKS' as 'DAYS' } })).rejects.toMatchObject(
      forgeError('BAD_REQUEST', 400),
    );
  });

  it('FAIL_IF_EXISTS creates once, refuses while the key lives, and succeeds again after it expired', async () => {
    const claim = () =>
      kvs.set(
        'event:abc',
        { claimedAt: harness.clock.now() },
        { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 10, unit: 'SECONDS' } },
      );
    await claim();
    await expect(claim()).rejects.toMatchObject(forgeError('KEY_CONFLICT', 409));

    harness.clock.advance(10_000);
    await expect(claim()).resolves.toBeUndefined();
    await expect(claim()).rejects.toMatchObject(forgeError('KEY_CONFLICT', 409));
  });

  it('FAIL_IF_EXISTS leaves the existing value alone; OVERRIDE replaces it and drops its TTL', async () => {
    await kvs.set('lock', 'first', { ttl: { value: 1, unit: 'MINUTES' } });
    await expect(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject(
      forgeError('KEY_CONFLICT', 409),
    );
    expect(await kvs.get('lock')).toBe('first');

    await kvs.set('lock', 'third', { keyPolicy: 'OVERRIDE' });
    harness.clock.advance(120_000);
    expect(await kvs.get('lock')).toBe('third');
  });
});
