import { resolveTargetStatus, type TargetStatusInput } from '../../../src/domain/sync/status-mapping';
import { STATUSES } from './support/fixtures';

const base: TargetStatusInput = {
  waveStatus: 'SENT',
  mapping: {},
  projectStatuses: STATUSES,
  initialStatusId: '2',
  currentStatusId: '2',
};

function target(overrides: Partial<TargetStatusInput>): string {
  const result = resolveTargetStatus({ ...base, ...overrides });
  return result.kind === 'move' ? `move ${result.status.name}` : result.kind;
}

describe('resolveTargetStatus', () => {
  it.each(['SENT', 'VIEWED', 'PARTIAL', 'UNPAID', 'OVERDUE'])(
    '%s defaults to the first in-progress status',
    (waveStatus) => {
      expect(target({ waveStatus, currentStatusId: '2' })).toBe('move In Progress');
    },
  );

  it.each(['PAID', 'OVERPAID'])('%s defaults to the first done status', (waveStatus) => {
    expect(target({ waveStatus, currentStatusId: '3' })).toBe('move Done');
  });

  it.each(['DRAFT', 'SAVED'])('%s defaults to the workflow initial status, not the first to-do one', (waveStatus) => {
    expect(target({ waveStatus, currentStatusId: '3' })).toBe('move Backlog');
  });

  it('falls back to the first to-do status when the initial status is not a to-do one', () => {
    expect(target({ waveStatus: 'DRAFT', initialStatusId: '3', currentStatusId: '5' })).toBe('move To Do');
  });

  it('stays when the issue is already in the target category', () => {
    expect(target({ waveStatus: 'VIEWED', currentStatusId: '4' })).toBe('stay');
    expect(target({ waveStatus: 'PAID', currentStatusId: '6' })).toBe('stay');
    expect(target({ waveStatus: 'DRAFT', currentStatusId: '1' })).toBe('stay');
  });

  it('lets an explicit mapping win over the category default', () => {
    expect(target({ waveStatus: 'SENT', mapping: { SENT: '4' } })).toBe('move In Review');
    expect(target({ waveStatus: 'PAID', mapping: { PAID: '6' }, currentStatusId: '5' })).toBe('move Closed');
    expect(target({ waveStatus: 'SENT', mapping: { SENT: '4' }, currentStatusId: '4' })).toBe('stay');
    expect(target({ waveStatus: 'VIEWED', mapping: { SENT: '4' }, currentStatusId: '1' })).toBe('move In Progress');
  });

  it('does not move to a mapped status the workflow lacks, and says so', () => {
    const result = resolveTargetStatus({ ...base, mapping: { SENT: '99' } });
    expect(result).toEqual({ kind: 'none', note: expect.stringContaining('99') });
  });

  it('does not move on an unknown Wave status, with a note', () => {
    const result = resolveTargetStatus({ ...base, waveStatus: 'DISPUTED' });
    expect(result).toEqual({ kind: 'none', note: expect.stringContaining('DISPUTED') });
  });

  it('moves on an unknown Wave status when explicitly mapped', () => {
    expect(target({ waveStatus: 'DISPUTED', mapping: { DISPUTED: '4' } })).toBe('move In Review');
  });

  it('moves deleted invoices only when DELETED is mapped, silently otherwise', () => {
    expect(resolveTargetStatus({ ...base, waveStatus: 'DELETED' })).toEqual({ kind: 'none', note: null });
    expect(target({ waveStatus: 'DELETED', mapping: { DELETED: '6' } })).toBe('move Closed');
  });

  it('says so when the workflow has no status of the category', () => {
    const onlyToDo = STATUSES.filter((status) => status.categoryKey === 'new');
    const result = resolveTargetStatus({ ...base, projectStatuses: onlyToDo, waveStatus: 'PAID' });
    expect(result).toEqual({ kind: 'none', note: expect.stringContaining('"done"') });
  });
});
