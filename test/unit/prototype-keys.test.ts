import { parseJiraErrorBody } from '../../src/adapters/jira/jira-errors';
import { parseAppConfig, resolveProjectKey } from '../../src/adapters/storage/config';
import { currencyExponent, resolveTargetStatus } from '../../src/domain/sync';
import { ownValue } from '../../src/shared/own';

/** Names every plain object inherits: outside input may be any of them (issue 10). */
const PROTOTYPE_NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('lookups keyed by outside input never reach Object.prototype', () => {
  it.each(PROTOTYPE_NAMES)('routing a business named %s goes to the default project', (businessId) => {
    const config = parseAppConfig({ defaultProjectKey: 'BILL', businessProjects: { abc: 'OPS' } });
    expect(resolveProjectKey(config, businessId)).toBe('BILL');
  });

  it.each(PROTOTYPE_NAMES)('a Wave status %s is an unknown status, not a mapping', (waveStatus) => {
    const target = resolveTargetStatus({
      waveStatus,
      mapping: { PAID: '3' },
      projectStatuses: [{ id: '1', name: 'To Do', categoryKey: 'new' }],
      initialStatusId: '1',
      currentStatusId: '1',
    });
    expect(target).toEqual({ kind: 'none', note: expect.stringContaining('Unknown Wave status') });
  });

  it.each(PROTOTYPE_NAMES)('a currency %s has two decimals', (code) => {
    expect(currencyExponent(code)).toBe(2);
  });

  it.each(PROTOTYPE_NAMES)("a Jira error naming field %s is kept as data, the body's prototype untouched", (field) => {
    const body = parseJiraErrorBody(JSON.parse(`{"errorMessages": [], "errors": {"${field}": "bad"}}`));
    expect(Object.keys(body.errors)).toEqual([field]);
    expect(ownValue(body.errors, field)).toBe('bad');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ownValue reads own keys only', () => {
    const record: Record<string, string> = { a: 'x' };
    expect(ownValue(record, 'a')).toBe('x');
    for (const name of PROTOTYPE_NAMES) expect(ownValue(record, name)).toBeUndefined();
    expect(ownValue(undefined, 'a')).toBeUndefined();
  });
});
