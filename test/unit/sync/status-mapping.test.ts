import {
  goesBackwards,
  resolveTargetStatus,
  statusNamedFor,
  type TargetStatusInput,
} from '../../../src/domain/sync/status-mapping';
import type { ProjectStatus } from '../../../src/domain/sync/types';
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

  it('moves deleted invoices when DELETED is mapped or the workflow has a status named for it, silently otherwise', () => {
    expect(resolveTargetStatus({ ...base, waveStatus: 'DELETED' })).toEqual({ kind: 'none', note: null });
    expect(target({ waveStatus: 'DELETED', mapping: { DELETED: '6' } })).toBe('move Closed');
    expect(target({ waveStatus: 'DELETED', projectStatuses: [...STATUSES, status('9', 'Void', 'done')] })).toBe(
      'move Void',
    );
  });

  it('says so when the workflow has no status of the category', () => {
    const onlyToDo = STATUSES.filter((status) => status.categoryKey === 'new');
    const result = resolveTargetStatus({ ...base, projectStatuses: onlyToDo, waveStatus: 'PAID' });
    expect(result).toEqual({ kind: 'none', note: expect.stringContaining('"done"') });
  });
});

const status = (id: string, name: string, categoryKey: ProjectStatus['categoryKey']): ProjectStatus => ({
  id,
  name,
  categoryKey,
});

/** A billing workflow in its own words (Draft, Sent, Partially-Paid, Overdue, Paid, Cancelled), beside Jira's. */
const BILLING: ProjectStatus[] = [
  status('10', 'Draft', 'new'),
  status('11', 'To Invoice', 'new'),
  status('12', 'Sent', 'indeterminate'),
  status('13', 'Partially-Paid', 'indeterminate'),
  status('14', 'OVERDUE', 'indeterminate'),
  status('15', 'Paid', 'done'),
  status('16', 'Cancelled', 'done'),
];
const billing = (waveStatus: string, currentStatusId: string | null = '10', mapping = {}) =>
  resolveTargetStatus({ waveStatus, mapping, projectStatuses: BILLING, initialStatusId: '10', currentStatusId });

describe("defaults that fit the site: the project's own status names first", () => {
  it.each([
    ['PARTIAL', 'Partially-Paid'],
    ['OVERDUE', 'OVERDUE'],
    ['PAID', 'Paid'],
    ['OVERPAID', 'Paid'],
    ['SENT', 'Sent'],
    ['VIEWED', 'Sent'],
    ['UNPAID', 'Sent'],
    ['DELETED', 'Cancelled'],
  ])('%s goes to "%s" (case and punctuation aside)', (waveStatus, name) => {
    expect(billing(waveStatus, '11')).toEqual({ kind: 'move', status: expect.objectContaining({ name }), by: 'name' });
  });

  it.each(['DRAFT', 'SAVED'])('%s goes to a status named Draft', (waveStatus) => {
    expect(billing(waveStatus, '12')).toEqual({ kind: 'move', status: BILLING[0], by: 'name' });
  });

  it('moves between two statuses of one category when the names say so (Sent → Partially Paid → Overdue)', () => {
    expect(billing('PARTIAL', '12')).toMatchObject({ kind: 'move', status: { name: 'Partially-Paid' } });
    expect(billing('OVERDUE', '13')).toMatchObject({ kind: 'move', status: { name: 'OVERDUE' } });
  });

  it('stays when the issue is already in the status named for it', () => {
    expect(billing('VIEWED', '12')).toEqual({ kind: 'stay' });
    expect(billing('DELETED', '16')).toEqual({ kind: 'stay' });
  });

  it('takes synonyms in the order of preference', () => {
    const statuses = [
      status('1', 'Open', 'new'),
      status('2', 'Invoiced', 'indeterminate'),
      status('3', 'Settled', 'done'),
    ];
    expect(statusNamedFor('SENT', statuses)?.name).toBe('Invoiced');
    expect(statusNamedFor('PAID', statuses)?.name).toBe('Settled');
    expect(statusNamedFor('PARTIAL', [status('1', 'Partial payment', 'indeterminate')])?.name).toBe('Partial payment');
    expect(statusNamedFor('DELETED', [status('1', 'Voided', 'done'), status('2', 'Canceled', 'done')])?.name).toBe(
      'Canceled',
    );
    expect(statusNamedFor('OVERDUE', [status('1', 'Past due', 'indeterminate')])?.name).toBe('Past due');
  });

  it('lets an explicit mapping win over a name', () => {
    expect(billing('PARTIAL', '11', { PARTIAL: '12' })).toEqual({ kind: 'move', status: BILLING[2], by: 'mapping' });
  });

  it("falls back to the category where no status has a fitting name (Jira's default workflow)", () => {
    expect(target({ waveStatus: 'PARTIAL', currentStatusId: '1' })).toBe('move In Progress');
    expect(target({ waveStatus: 'PAID', currentStatusId: '3' })).toBe('move Done');
    expect(resolveTargetStatus({ ...base, waveStatus: 'OVERDUE', currentStatusId: '1' })).toMatchObject({
      by: 'category',
    });
  });

  it('never reads names from Object.prototype', () => {
    for (const waveStatus of ['toString', 'constructor', '__proto__'])
      expect(statusNamedFor(waveStatus, [status('1', 'toString', 'new')])).toBeUndefined();
  });
});

describe('a mapping that goes backwards', () => {
  it('is a sent or paid invoice sent to an earlier status category', () => {
    expect(goesBackwards('SENT', BILLING[0] as ProjectStatus)).toBe(true);
    expect(goesBackwards('PAID', BILLING[2] as ProjectStatus)).toBe(true);
    expect(goesBackwards('OVERPAID', BILLING[1] as ProjectStatus)).toBe(true);
  });

  it('is not a move forwards or within the category, nor a deleted or unknown status', () => {
    expect(goesBackwards('DRAFT', BILLING[5] as ProjectStatus)).toBe(false);
    expect(goesBackwards('SENT', BILLING[3] as ProjectStatus)).toBe(false);
    expect(goesBackwards('PAID', BILLING[6] as ProjectStatus)).toBe(false);
    expect(goesBackwards('DELETED', BILLING[0] as ProjectStatus)).toBe(false);
    expect(goesBackwards('DISPUTED', BILLING[0] as ProjectStatus)).toBe(false);
  });
});
