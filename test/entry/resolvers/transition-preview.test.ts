import { seedCatalog } from '../../../local/jira-sandbox/catalog/seed-catalog';
import { WAVE_INVOICE_STATUSES } from '../../../src/domain/sync';
import { previewMapping } from '../../../src/entry/resolvers/project/transition-preview';
import type { WorkflowTransition } from '../../../src/adapters/jira/workflows';
import type { ProjectStatus } from '../../../src/domain/sync';

/** The seeded billing workflow, as Jira's workflow definition describes it. */
const catalog = seedCatalog();
const billing = catalog.workflows.find((workflow) => workflow.name === 'Billing workflow');
if (!billing) throw new Error('the seed catalog has no billing workflow');
const statuses: ProjectStatus[] = billing.statusIds.map((id) => {
  const status = catalog.statuses.find((candidate) => candidate.id === id);
  if (!status) throw new Error(`no status ${id}`);
  return { id, name: status.name, categoryKey: status.category };
});
const transitions: WorkflowTransition[] = billing.transitions.map((t) => ({
  id: t.id,
  name: t.name,
  from: t.from,
  to: t.to,
  hasScreen: (t.screen?.length ?? 0) > 0,
}));
const DRAFT = '10100';
const TO_INVOICE = '10101';
const SENT = '10102';
const PAID = '10105';
const CANCELLED = '10106';

const preview = (mapping: Record<string, string>, workflow: WorkflowTransition[] = transitions) =>
  previewMapping({
    waveStatuses: WAVE_INVOICE_STATUSES,
    mapping,
    statuses,
    initialStatusId: DRAFT,
    transitions: workflow,
  });
const rowOf = (result: ReturnType<typeof preview>, waveStatus: string) =>
  result.rows.find((row) => row.waveStatus === waveStatus);

describe('the transition preview of a mapping', () => {
  it('shows where each Wave status leads by default, and the screenless walk a new issue takes there', () => {
    const result = preview({});
    expect(rowOf(result, 'PAID')).toEqual({
      waveStatus: 'PAID',
      effective: { statusId: PAID, statusName: 'Paid', byDefault: true, by: 'name' },
      // "Send invoice" has a screen: the walk takes "Mark as sent".
      fromInitial: { path: ['Ready to invoice', 'Mark as sent', 'Mark paid'] },
    });
    expect(rowOf(result, 'DRAFT')).toEqual({
      waveStatus: 'DRAFT',
      effective: { statusId: DRAFT, statusName: 'Draft', byDefault: true, by: 'name' },
    });
    expect(result.warnings).toEqual([]);
  });

  it("leads PARTIAL and OVERDUE to the workflow's own statuses of those names, not to the first in-progress one", () => {
    const result = preview({});
    expect(rowOf(result, 'PARTIAL')).toMatchObject({
      effective: { statusName: 'Partially Paid', byDefault: true, by: 'name' },
      fromInitial: { path: ['Ready to invoice', 'Mark as sent', 'Partially paid'] },
    });
    expect(rowOf(result, 'OVERDUE')).toMatchObject({
      effective: { statusName: 'Overdue', byDefault: true, by: 'name' },
      fromInitial: { path: ['Ready to invoice', 'Mark as sent', 'Mark overdue'] },
    });
    expect(result.warnings).toEqual([]);
  });

  it('leads a deleted invoice to Cancelled, and warns where only a screen gets there (from Sent and Overdue)', () => {
    const result = previewMapping({
      waveStatuses: [...WAVE_INVOICE_STATUSES, 'DELETED'],
      mapping: {},
      statuses,
      initialStatusId: DRAFT,
      transitions,
    });
    expect(rowOf(result, 'DELETED')).toEqual({
      waveStatus: 'DELETED',
      effective: { statusId: CANCELLED, statusName: 'Cancelled', byDefault: true, by: 'name' },
      fromInitial: { path: ['Void'] },
    });
    expect(result.warnings).toEqual([
      {
        fromStatus: 'Sent',
        toStatus: 'Cancelled',
        waveStatus: 'DELETED',
        reason: 'the only transitions to it need a screen',
      },
      {
        fromStatus: 'Overdue',
        toStatus: 'Cancelled',
        waveStatus: 'DELETED',
        reason: 'the only transitions to it need a screen',
      },
    ]);
  });

  it('follows an explicit mapping', () => {
    const result = preview({ SENT: TO_INVOICE });
    expect(rowOf(result, 'SENT')).toEqual({
      waveStatus: 'SENT',
      mappedStatusId: TO_INVOICE,
      effective: { statusId: TO_INVOICE, statusName: 'To Invoice', byDefault: false, by: 'mapping' },
      fromInitial: { path: ['Ready to invoice'] },
    });
  });

  it('warns where only a transition with a screen reaches the mapped status', () => {
    const result = preview({ PAID: CANCELLED });
    // From Draft, "Void" (no screen) gets there; from Sent only "Cancel", which asks for a resolution.
    expect(rowOf(result, 'PAID')?.fromInitial).toEqual({ path: ['Void'] });
    expect(result.warnings).toContainEqual({
      fromStatus: 'Sent',
      toStatus: 'Cancelled',
      waveStatus: 'PAID',
      reason: 'the only transitions to it need a screen',
    });
  });

  it('warns where no walk reaches a status from another mapped one', () => {
    const withoutMarkAsSent = transitions.filter((transition) => transition.id !== '31');
    const result = preview({}, withoutMarkAsSent);
    expect(result.warnings).toContainEqual({
      fromStatus: 'Draft',
      toStatus: 'Sent',
      waveStatus: 'SENT',
      reason: 'the only transitions to it need a screen',
    });
    expect(rowOf(result, 'SENT')?.fromInitial).toEqual({ blocked: 'the only transitions to it need a screen' });
  });

  it('does not walk through a transition whose condition keeps the app out, and says so', () => {
    const readyOnlyForOthers = transitions.map((transition) =>
      transition.id === '11' ? { ...transition, isAvailable: false } : transition,
    );
    const result = preview({ SAVED: TO_INVOICE }, readyOnlyForOthers);
    expect(rowOf(result, 'SAVED')?.fromInitial).toEqual({
      blocked: 'its transitions are not available for this issue now',
    });
    expect(result.warnings).toContainEqual({
      fromStatus: 'Draft',
      toStatus: 'To Invoice',
      waveStatus: 'SAVED',
      reason: 'its transitions are not available for this issue now',
    });
  });

  it("uses a global transition from any status, and says nothing about moves back in Wave's lifecycle", () => {
    const anyToDraft: WorkflowTransition = { id: '98', name: 'Back to draft', from: [], to: DRAFT, hasScreen: true };
    const anyToPaid: WorkflowTransition = { id: '99', name: 'Paid (global)', from: [], to: PAID, hasScreen: false };
    const result = preview({}, [...transitions, anyToDraft, anyToPaid]);
    expect(rowOf(result, 'PAID')?.fromInitial).toEqual({ path: ['Paid (global)'] });
    // Paid → Draft (only with a screen) would be a move back: never checked, never warned.
    expect(result.warnings).toEqual([]);
  });

  it('previews nothing when the transitions are unknown', () => {
    const result = previewMapping({
      waveStatuses: ['PAID'],
      mapping: { PAID: SENT },
      statuses,
      initialStatusId: DRAFT,
    });
    expect(result.rows).toEqual([
      {
        waveStatus: 'PAID',
        mappedStatusId: SENT,
        effective: { statusId: SENT, statusName: 'Sent', byDefault: false, by: 'mapping' },
      },
    ]);
    expect(result.warnings).toEqual([]);
  });
});
