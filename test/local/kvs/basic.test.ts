import { kvs, MetadataField } from '@forge/kvs';
import { forgeError, KvsHarness } from './harness';

describe('local KVS: plain keys and secrets through @forge/kvs', () => {
  let harness: KvsHarness;
  beforeEach(() => {
    harness = new KvsHarness();
  });
  afterEach(() => harness.close());

  it('stores, reads and deletes JSON values; a missing key reads as undefined', async () => {
    await kvs.set('invoice:1', { total: 12.5, lines: [1, 2] });
    await kvs.set('flag', false);
    expect(await kvs.get('invoice:1')).toEqual({ total: 12.5, lines: [1, 2] });
    expect(await kvs.get('flag')).toBe(false);

    await kvs.delete('invoice:1');
    expect(await kvs.get('invoice:1')).toBeUndefined();
    await expect(kvs.delete('invoice:1')).resolves.toBeUndefined();
    expect(harness.sent.at(-1)).toEqual({ path: '/api/v1/delete', body: { key: 'invoice:1' } });
  });

  it('answers metadata fields on get and the previous or latest value on set', async () => {
    await kvs.set('token', 'a');
    const createdAt = Math.floor(harness.clock.now() / 1000);
    harness.clock.advance(5_000);

    const previous = await kvs.set('token', 'b', {
      keyPolicy: 'OVERRIDE',
      returnValue: 'PREVIOUS',
      returnMetadataFields: [MetadataField.CREATED_AT],
    });
    expect(previous).toEqual({ key: 'token', value: 'a', createdAt });
    const latest = await kvs.set('token', 'c', { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' });
    expect(latest).toEqual({ key: 'token', value: 'c' });
    expect(await kvs.set('fresh', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();

    const read = await kvs.get('token', {
      metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME],
    });
    expect(read).toEqual({
      key: 'token',
      value: 'c',
      createdAt,
      updatedAt: Math.floor(harness.clock.now() / 1000),
      expireTime: undefined,
    });
  });

  it('keeps secrets apart from plain keys under the same name', async () => {
    await kvs.set('wave', 'plain');
    await kvs.setSecret('wave', { refreshToken: 'r-1' });
    expect(await kvs.get('wave')).toBe('plain');
    expect(await kvs.getSecret('wave')).toEqual({ refreshToken: 'r-1' });

    await kvs.deleteSecret('wave');
    expect(await kvs.getSecret('wave')).toBeUndefined();
    expect(await kvs.get('wave')).toBe('plain');
  });

  it('refuses keys outside Forge rules with its codes', async () => {
    await expect(kvs.set('', 1)).rejects.toMatchObject(forgeError('KEY_TOO_SHORT', 400));
    await expect(kvs.set('k'.repeat(501), 1)).rejects.toMatchObject(forgeError('KEY_TOO_LONG', 400));
    await expect(kvs.set('wave/id+=', 1)).rejects.toMatchObject(forgeError('INVALID_KEY', 400));
    await expect(kvs.set('   ', 1)).rejects.toMatchObject(forgeError('INVALID_KEY', 400));
    await expect(kvs.getSecret('a@b')).rejects.toMatchObject(forgeError('INVALID_KEY', 400));

    await kvs.set('k'.repeat(500), 1);
    await kvs.set('Aa0 :._-#', 2);
    expect(await kvs.get('k'.repeat(500))).toBe(1);
    expect(await kvs.get('Aa0 :._-#')).toBe(2);
  });

  it('limits values to 240 KiB serialized and 32 levels deep', async () => {
    const limit = 240 * 1024;
    const fits = 'x'.repeat(limit - 2); // the JSON quotes make it exactly 240 KiB
    await kvs.set('big', fits);
    expect(await kvs.get('big')).toBe(fits);
    await expect(kvs.set('big', `${fits}x`)).rejects.toMatchObject(forgeError('MAX_SIZE', 400));
    expect(await kvs.get('big')).toBe(fits);

    const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : { next: nest(levels - 1) });
    await kvs.set('deep', nest(32));
    await expect(kvs.set('deeper', nest(33))).rejects.toMatchObject(forgeError('MAX_DEPTH', 400));
    await expect(kvs.set('nothing', null)).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
  });

  it('answers BAD_REQUEST for an unknown metadata field, as Forge does', async () => {
    await kvs.set('k', 1);
    await expect(kvs.get('k', { metadataFields: ['NOPE' as MetadataField] })).rejects.toMatchObject(
      forgeError('BAD_REQUEST', 400),
    );
  });
});
