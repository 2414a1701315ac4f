import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Filter, FilterConditions, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { RuntimeClock } from '../../../local/clock';
import { type EntityDefinition, LocalKvs } from '../../../local/kvs';
import { deliveryLog, forgeError, KvsHarness } from './harness';

interface Delivery {
  receivedAt: number;
  outcome: string;
  invoiceNumber?: string;
  amount?: number;
  flagged?: boolean;
  tags?: unknown;
}

const logs = () => kvs.entity<Delivery>('delivery-log');
const keysOf = (page: { results: Array<{ key: string }> }) => page.results.map((result) => result.key);

describe('local KVS: custom entities declared in the manifest', () => {
  let harness: KvsHarness;
  beforeEach(() => {
    harness = new KvsHarness([deliveryLog]);
  });
  afterEach(() => harness.close());

  it('stores, reads and deletes entity values apart from plain keys', async () => {
    const value = { receivedAt: 100, outcome: 'ok', amount: 12.5, flagged: false, tags: ['a', { b: 1 }] };
    await logs().set('d1', value);
    await kvs.set('d1', 'a plain key of the same name');
    expect(await logs().get('d1')).toEqual(value);
    expect(await logs().get('d1', { metadataFields: [MetadataField.CREATED_AT] })).toEqual({
      key: 'd1',
      value,
      createdAt: Math.floor(harness.clock.now() / 1000),
    });

    await logs().delete('d1');
    expect(await logs().get('d1')).toBeUndefined();
    expect(await kvs.get('d1')).toBe('a plain key of the same name');
  });

  it('validates values against the declared attribute types', async () => {
    await expect(logs().set('d', { receivedAt: 1.5, outcome: 'ok' })).rejects.toMatchObject(
      forgeError('INVALID_ENTITY_VALUE', 400),
    );
    await expect(logs().set('d', { receivedAt: 2 ** 31, outcome: 'ok' })).rejects.toMatchObject(
      forgeError('INVALID_ENTITY_VALUE', 400),
    );
    await expect(logs().set('d', { receivedAt: 1, outcome: 7 as unknown as string })).rejects.toMatchObject(
      forgeError('INVALID_ENTITY_VALUE', 400),
    );
    await expect(
      logs().set('d', { receivedAt: 1, outcome: 'ok', flagged: 'yes' as unknown as boolean }),
    ).rejects.toMatchObject(forgeError('INVALID_ENTITY_VALUE', 400));
    await expect(kvs.entity('delivery-log').set('d', { receivedAt: 1, undeclared: true })).rejects.toMatchObject(
      forgeError('INVALID_ENTITY_VALUE', 400),
    );
    await expect(kvs.entity('delivery-log').set('d', 'not an object')).rejects.toMatchObject(
      forgeError('INVALID_ENTITY_VALUE', 400),
    );
    await expect(logs().set('', { receivedAt: 1, outcome: 'ok' })).rejects.toMatchObject(forgeError('EMPTY_KEY', 400));
    await expect(kvs.entity('no-such-entity').set('d', {})).rejects.toMatchObject(
      forgeError('INVALID_ENTITY_TYPE', 400),
    );
    expect(await logs().get('d')).toBeUndefined();
  });

  describe('queries on an index', () => {
    beforeEach(async () => {
      const deliveries: Array<[string, Delivery]> = [
        ['d1', { receivedAt: 50, outcome: 'ok', invoiceNumber: 'INV-10', amount: 10 }],
        ['d2', { receivedAt: 10, outcome: 'failed', invoiceNumber: 'INV-20', amount: 250.5, flagged: true }],
        ['d3', { receivedAt: 30, outcome: 'ok', invoiceNumber: 'INV-11', amount: 99.99 }],
        ['d4', { receivedAt: 20, outcome: 'failed', invoiceNumber: 'INV-12' }],
        ['d5', { receivedAt: 40, outcome: 'failed', invoiceNumber: 'INV-30', amount: 5 }],
        ['d6', { receivedAt: 30, outcome: 'failed', invoiceNumber: 'INV-13', tags: ['retry'] }],
        ['d7', { outcome: 'failed', invoiceNumber: 'no receivedAt, so in no index' } as Delivery],
      ];
      for (const [key, value] of deliveries) await logs().set(key, value);
    });

    it('walks the range in order (ties by key), ascending or descending', async () => {
      expect(keysOf(await logs().query().index('receivedAt').getMany())).toEqual(['d2', 'd4', 'd3', 'd6', 'd5', 'd1']);
      expect(keysOf(await logs().query().index('receivedAt').sort(Sort.DESC).getMany())).toEqual([
        'd1',
        'd5',
        'd6',
        'd3',
        'd4',
        'd2',
      ]);
    });

    it('restricts to a partition and a range condition', async () => {
      const failed = () =>
        logs()
          .query()
          .index('by-outcome', { partition: ['failed'] });
      expect(keysOf(await failed().getMany())).toEqual(['d2', 'd4', 'd6', 'd5']);
      expect(keysOf(await failed().where(WhereConditions.between(20, 30)).getMany())).toEqual(['d4', 'd6']);
      expect(keysOf(await failed().where(WhereConditions.greaterThan(30)).getMany())).toEqual(['d5']);
      expect(keysOf(await failed().where(WhereConditions.lessThanEqualTo(20)).sort(Sort.DESC).getMany())).toEqual([
        'd4',
        'd2',
      ]);
      expect(
        keysOf(
          await logs()
            .query()
            .index('by-outcome', { partition: ['ok'] })
            .where(WhereConditions.equalTo(30))
            .getMany(),
        ),
      ).toEqual(['d3']);
    });

    it('applies and/or filters on any attribute', async () => {
      const all = () => logs().query().index('receivedAt');
      const and = new Filter<Delivery>()
        .and('outcome', FilterConditions.equalTo('failed'))
        .and('amount', FilterConditions.exists());
      expect(keysOf(await all().filters(and).getMany())).toEqual(['d2', 'd5']);

      const or = new Filter<Delivery>()
        .or('flagged', FilterConditions.equalTo(true))
        .or('invoiceNumber', FilterConditions.beginsWith('INV-1'));
      expect(keysOf(await all().filters(or).getMany())).toEqual(['d2', 'd4', 'd3', 'd6', 'd1']);

      const others = new Filter<Delivery>()
        .and('amount', FilterConditions.notExists())
        .and('tags', FilterConditions.contains('retry'))
        .and('invoiceNumber', FilterConditions.notContains('2'));
      expect(keysOf(await all().filters(others).getMany())).toEqual(['d6']);
      const ranges = new Filter<Delivery>()
        .and('amount', FilterConditions.between(5, 99.99))
        .and('outcome', FilterConditions.notEqualTo('failed'));
      expect(keysOf(await all().filters(ranges).getMany())).toEqual(['d3', 'd1']);
    });

    it('pages with limit and cursor; filters apply to each page read, as on Forge', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        let query = logs().query().index('receivedAt').limit(4);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        seen.push(...keysOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['d2', 'd4', 'd3', 'd6', 'd5', 'd1']);

      const okOnly = new Filter<Delivery>().and('outcome', FilterConditions.equalTo('ok'));
      const first = await logs().query().index('receivedAt').filters(okOnly).limit(2).getMany();
      expect(first.results).toEqual([]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await logs()
        .query()
        .index('receivedAt')
        .filters(okOnly)
        .limit(2)
        .cursor(first.nextCursor ?? '')
        .getMany();
      expect(keysOf(second)).toEqual(['d3']);
    });

    it('refuses unknown indexes, a missing partition, bad limits and malformed filters', async () => {
      await expect(logs().query().index('by-nothing').getMany()).rejects.toMatchObject(
        forgeError('INVALID_ENTITY_INDEX', 400),
      );
      await expect(logs().query().index('by-outcome').getMany()).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
      await expect(logs().query().index('receivedAt').limit(101).getMany()).rejects.toMatchObject(
        forgeError('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 400),
      );
      const oneValueBetween = { condition: 'BETWEEN', values: [1] } as unknown as ReturnType<
        typeof FilterConditions.between
      >;
      await expect(
        logs().query().index('receivedAt').filters(new Filter<Delivery>().and('amount', oneValueBetween)).getMany(),
      ).rejects.toMatchObject(forgeError('INSUFFICIENT_FILTER_VALUES', 400));
      const contains = FilterConditions.contains('x') as unknown as ReturnType<typeof WhereConditions.equalTo>;
      await expect(logs().query().index('receivedAt').where(contains).getMany()).rejects.toMatchObject(
        forgeError('INVALID_FILTER_CONDITION', 400),
      );
    });
  });

  it('refuses a manifest declaration Forge would refuse, naming the entity', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-kvs-manifest-'));
    const objectRange = {
      ...deliveryLog,
      indexes: [{ name: 'by-time', range: { attribute: 'receivedAt' } }],
    } as unknown as EntityDefinition;
    try {
      expect(() => new LocalKvs({ dataDir, clock: new RuntimeClock(), entities: [objectRange] })).toThrow(
        /entity 'delivery-log': index 'by-time': range must be a list of exactly one attribute/,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
