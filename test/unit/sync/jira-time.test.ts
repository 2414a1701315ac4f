import { compareInstants, parseInstant } from '../../../src/domain/sync/instant';
import { toJiraDate, toJiraDateTime } from '../../../src/domain/sync/jira-time';

describe('Jira time formats', () => {
  it.each([
    ['2026-01-17T12:34:00Z', '2026-01-17T12:34:00.000+0000'],
    ['2026-01-17T12:34:56.789Z', '2026-01-17T12:34:56.789+0000'],
    ['2026-01-17T12:34:56.789123+00:00', '2026-01-17T12:34:56.789+0000'],
    ['2026-01-17T14:34:00+02:00', '2026-01-17T12:34:00.000+0000'],
    ['2026-01-17T00:30:00-0530', '2026-01-17T06:00:00.000+0000'],
    ['2026-01-17T12:34:00', '2026-01-17T12:34:00.000+0000'],
    ['2026-01-17', '2026-01-17T12:00:00.000+0000'],
  ])('%s → %s', (input, expected) => {
    expect(toJiraDateTime(input)).toBe(expected);
  });

  it('rejects what is not a timestamp', () => {
    expect(toJiraDateTime('yesterday')).toBeNull();
    expect(toJiraDateTime('2026-02-30')).toBeNull();
    expect(toJiraDateTime('2026-01-17T25:00:00Z')).toBeNull();
  });

  it('makes date-field values', () => {
    expect(toJiraDate('2026-02-15')).toBe('2026-02-15');
    expect(toJiraDate('2026-02-15T00:00:00Z')).toBe('2026-02-15');
    expect(toJiraDate('15/02/2026')).toBeNull();
    expect(toJiraDate('2026-13-01')).toBeNull();
    expect(toJiraDate(null)).toBeNull();
  });

  it('compares timestamps exactly, across offsets and beyond milliseconds', () => {
    expect(compareInstants('2026-01-17T12:34:00.000001Z', '2026-01-17T12:34:00Z')).toBe(1);
    expect(compareInstants('2026-01-17T12:34:00.0000010Z', '2026-01-17T12:34:00.000001Z')).toBe(0);
    expect(compareInstants('2026-01-17T14:34:00+02:00', '2026-01-17T12:34:00Z')).toBe(0);
    expect(compareInstants('2026-01-17T14:34:00+02:00', '2026-01-17T12:35:00Z')).toBe(-1);
    expect(compareInstants('junk', '2026-01-17T12:35:00Z')).toBeNull();
    expect(parseInstant('2026-01-17T12:34:00.500Z')).toEqual({
      epochSeconds: Date.UTC(2026, 0, 17, 12, 34) / 1000,
      fraction: '5',
    });
  });
});
