import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { deliveryLog, forgeError, KvsHarness } from './harness';

interface Delivery {
  receivedAt: number;
  outcome: string;
}

describe('local KVS: transact()', () => {
  let harness: KvsHarness;
  beforeEach(() => {
    harness = new KvsHarness([deliveryLog]);
  });
  afterEach(() => harness.close());

  const outcomeIs = (outcome: string) => new Filter<Delivery>().and('outcome', FilterConditions.equalTo(outcome));
  const entity = { entityName: 'delivery-log' };

  it('applies sets, deletes and checks together', async () => {
    await kvs.set('old', 1);
    await kvs.entity('delivery-log').set('d1', { receivedAt: 1, outcome: 'pending' });

    await kvs
      .transact()
      .set('new', { n: 1 }, undefined, { ttl: { value: 1, unit: 'MINUTES' } })
      .delete('old')
      .delete('never-existed')
      .set('d2', { receivedAt: 2, outcome: 'ok' }, entity)
      .check('d1', { ...entity, conditions: outcomeIs('pending') })
      .execute();

    expect(await kvs.get('new')).toEqual({ n: 1 });
    expect(await kvs.get('old')).toBeUndefined();
    expect(await kvs.entity('delivery-log').get('d2')).toEqual({ receivedAt: 2, outcome: 'ok' });
    harness.clock.advance(60_000);
    expect(await kvs.get('new')).toBeUndefined();
  });

  it('applies nothing when a check or a conditional write is not met', async () => {
    await kvs.set('counter', 1);
    await kvs.entity('delivery-log').set('d1', { receivedAt: 1, outcome: 'done' });

    const failingCheck = kvs
      .transact()
      .set('counter', 2)
      .set('d2', { receivedAt: 2, outcome: 'ok' }, entity)
      .check('d1', { ...entity, conditions: outcomeIs('pending') });
    await expect(failingCheck.execute()).rejects.toMatchObject(forgeError('CONDITIONAL_CHECK_FAILED', 409));

    const failingConditionalDelete = kvs
      .transact()
      .delete('counter')
      .delete('d1', { ...entity, conditions: outcomeIs('pending') });
    await expect(failingConditionalDelete.execute()).rejects.toMatchObject(forgeError('CONDITIONAL_CHECK_FAILED', 409));

    const laterFailure = kvs.transact().set('counter', 3).set('d3', { receivedAt: 'not an integer' }, entity);
    await expect(laterFailure.execute()).rejects.toMatchObject(forgeError('INVALID_ENTITY_VALUE', 400));

    expect(await kvs.get('counter')).toBe(1);
    expect(await kvs.entity('delivery-log').get('d1')).toEqual({ receivedAt: 1, outcome: 'done' });
    expect(await kvs.entity('delivery-log').get('d2')).toBeUndefined();
    expect(await kvs.entity('delivery-log').get('d3')).toBeUndefined();
  });

  it('a conditional write on a missing entity is met only by conditions a missing attribute meets', async () => {
    const createIfAbsent = (outcome: string) =>
      kvs
        .transact()
        .set(
          'd9',
          { receivedAt: 9, outcome },
          { ...entity, conditions: new Filter<Delivery>().and('outcome', FilterConditions.notExists()) },
        )
        .execute();
    await createIfAbsent('first');
    await expect(createIfAbsent('second')).rejects.toMatchObject(forgeError('CONDITIONAL_CHECK_FAILED', 409));
    expect(await kvs.entity('delivery-log').get('d9')).toEqual({ receivedAt: 9, outcome: 'first' });
  });

  it('refuses more than 25 operations, a key used twice, and an empty transaction', async () => {
    let tooMany = kvs.transact();
    for (let i = 0; i < 26; i += 1) tooMany = tooMany.set(`k${i}`, i);
    await expect(tooMany.execute()).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
    expect(await kvs.get('k0')).toBeUndefined();

    let exactly25 = kvs.transact();
    for (let i = 0; i < 25; i += 1) exactly25 = exactly25.set(`k${i}`, i);
    await exactly25.execute();
    expect(await kvs.get('k24')).toBe(24);

    await expect(kvs.transact().set('k0', 'x').delete('k0').execute()).rejects.toMatchObject(
      forgeError('BAD_REQUEST', 400),
    );
    expect(await kvs.get('k0')).toBe(0);
    await expect(kvs.transact().execute()).rejects.toMatchObject(forgeError('BAD_REQUEST', 400));
  });
});
