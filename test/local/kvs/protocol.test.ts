import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import sdkPackage from '@forge/kvs/package.json';
import { deliveryLog, KvsHarness } from './harness';

/**
 * The local KVS serves the undocumented wire protocol of the pinned @forge/kvs. If an SDK
 * upgrade changes a path or a request shape, this test fails before the app does.
 */
describe('local KVS: the @forge/kvs wire protocol', () => {
  let harness: KvsHarness;
  beforeEach(() => {
    harness = new KvsHarness([deliveryLog]);
  });
  afterEach(() => harness.close());

  it('is the pinned SDK version', () => {
    expect(sdkPackage.version).toBe('1.6.5');
  });

  it('sends the expected paths and bodies for a scripted sequence', async () => {
    const ok = new Filter<{ outcome: string }>().and('outcome', FilterConditions.equalTo('ok'));
    await kvs.set('k', 'v', { ttl: { value: 1, unit: 'HOURS' }, keyPolicy: 'FAIL_IF_EXISTS' });
    await kvs.get('k');
    await kvs.query().where('key', WhereConditions.beginsWith('k')).limit(5).getMany();
    await kvs.delete('k');
    await kvs.setSecret('s', 'x');
    await kvs.getSecret('s');
    await kvs.deleteSecret('s');
    await kvs.entity('delivery-log').set('d', { receivedAt: 1, outcome: 'ok' });
    await kvs.entity('delivery-log').get('d');
    await kvs
      .entity('delivery-log')
      .query()
      .index('by-outcome', { partition: ['ok'] })
      .where(WhereConditions.greaterThan(0))
      .filters(ok)
      .sort(Sort.DESC)
      .limit(3)
      .getMany();
    await kvs.batchSet([{ key: 'b', value: 1 }]);
    await kvs.batchGet([{ key: 'b' }]);
    await kvs.batchDelete([{ key: 'b' }]);
    await kvs.transact().set('t', 1).delete('b').check('d', { entityName: 'delivery-log', conditions: ok }).execute();
    await kvs.entity('delivery-log').delete('d');

    expect(harness.sent.map((request) => request.path)).toEqual([
      '/api/v1/set',
      '/api/v1/get',
      '/api/v1/query',
      '/api/v1/delete',
      '/api/v1/secret/set',
      '/api/v1/secret/get',
      '/api/v1/secret/delete',
      '/api/v1/entity/set',
      '/api/v1/entity/get',
      '/api/v1/entity/query',
      '/api/v1/batch/set',
      '/api/v1/batch/get',
      '/api/v1/batch/delete',
      '/api/v1/transaction',
      '/api/v1/entity/delete',
    ]);
    expect(await kvs.get('t')).toBe(1);
    const bodyOf = (path: string) => harness.sent.find((request) => request.path === path)?.body;
    expect(bodyOf('/api/v1/set')).toEqual({
      key: 'k',
      value: 'v',
      options: { ttl: { value: 1, unit: 'HOURS' }, keyPolicy: 'FAIL_IF_EXISTS' },
    });
    expect(bodyOf('/api/v1/query')).toEqual({
      limit: 5,
      where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['k'] }],
    });
    expect(bodyOf('/api/v1/entity/query')).toEqual({
      entityName: 'delivery-log',
      indexName: 'by-outcome',
      partition: ['ok'],
      range: { condition: 'GREATER_THAN', values: [0] },
      sort: 'DESC',
      limit: 3,
      filters: { and: [{ property: 'outcome', condition: 'EQUAL_TO', values: ['ok'] }] },
    });
    expect(bodyOf('/api/v1/batch/set')).toEqual([{ key: 'b', value: 1 }]);
    expect(bodyOf('/api/v1/transaction')).toEqual({
      set: [{ key: 't', value: 1 }],
      delete: [{ key: 'b' }],
      check: [
        {
          key: 'd',
          entityName: 'delivery-log',
          conditions: { and: [{ property: 'outcome', condition: 'EQUAL_TO', values: ['ok'] }] },
        },
      ],
    });
  });
});
