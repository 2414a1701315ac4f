import { kvs, WhereConditions } from '@forge/kvs';
import { deliveryLog, forgeError, KvsHarness } from './harness';

describe('local KVS: query() over plain keys', () => {
  let harness: KvsHarness;
  beforeEach(() => {
    harness = new KvsHarness([deliveryLog]);
  });
  afterEach(() => harness.close());

  it('pages through a prefix in key order with opaque cursors', async () => {
    const keys = Array.from({ length: 23 }, (_, i) => `link:${String(i).padStart(2, '0')}`);
    for (const key of [...keys].reverse()) await kvs.set(key, { n: key });
    await kvs.set('linkage', 'outside the prefix');
    await kvs.set('other:1', 'outside the prefix');

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('link:')).limit(10);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<{ n: string }>();
      pages += 1;
      for (const result of page.results) {
        expect(result.value).toEqual({ n: result.key });
        seen.push(result.key);
      }
      cursor = page.nextCursor;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toEqual(keys);
  });

  it('returns 10 results by default, and getOne the first key', async () => {
    for (let i = 0; i < 12; i += 1) await kvs.set(`k${String(i).padStart(2, '0')}`, i);
    const page = await kvs.query().getMany();
    expect(page.results).toHaveLength(10);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(await kvs.query().getOne()).toEqual({ key: 'k00', value: 0 });
  });

  it('never returns secrets or entities', async () => {
    await kvs.set('cfg:a', 1);
    await kvs.setSecret('cfg:secret', 'hidden');
    await kvs.entity('delivery-log').set('cfg:entity', { receivedAt: 1 });
    const page = await kvs.query().where('key', WhereConditions.beginsWith('cfg:')).getMany();
    expect(page).toEqual({ results: [{ key: 'cfg:a', value: 1 }], nextCursor: undefined });
  });

  it('refuses what Forge refuses: limit over 100, other fields and conditions, a foreign cursor', async () => {
    await expect(kvs.query().limit(101).getMany()).rejects.toMatchObject(forgeError('LIST_QUERY_LIMIT_EXCEEDED', 400));
    await expect(
      kvs
        .query()
        .where('value' as 'key', WhereConditions.beginsWith('a'))
        .getMany(),
    ).rejects.toMatchObject(forgeError('QUERY_WHERE_FIELD_INVALID', 400));
    await expect(
      kvs
        .query()
        .where('key', WhereConditions.greaterThan('a') as unknown as ReturnType<typeof WhereConditions.beginsWith>)
        .getMany(),
    ).rejects.toMatchObject(forgeError('INVALID_FILTER_CONDITION', 400));
    await expect(kvs.query().cursor('not-a-cursor').getMany()).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
  });
});
