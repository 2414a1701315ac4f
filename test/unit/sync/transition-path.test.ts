import { nextTransitionHop, type JiraTransition, type ProjectStatus } from '../../../src/domain/sync';

const statuses: ProjectStatus[] = [
  { id: 'draft', name: 'Draft', categoryKey: 'new' },
  { id: 'ready', name: 'To Invoice', categoryKey: 'new' },
  { id: 'sent', name: 'Sent', categoryKey: 'indeterminate' },
  { id: 'overdue', name: 'Overdue', categoryKey: 'indeterminate' },
  { id: 'paid', name: 'Paid', categoryKey: 'done' },
  { id: 'cancelled', name: 'Cancelled', categoryKey: 'done' },
];
const t = (id: string, to: string, extra: Partial<JiraTransition> = {}): JiraTransition => ({
  id,
  to: { id: to },
  isAvailable: true,
  hasScreen: false,
  ...extra,
});
const hop = (transitions: JiraTransition[], target: string, visited: string[] = []) =>
  nextTransitionHop({ transitions, targetStatusId: target, statuses, visited: new Set(visited) });

describe('walking a workflow to a status', () => {
  it('takes the direct transition when there is a usable one', () => {
    expect(hop([t('1', 'ready'), t('2', 'sent')], 'sent')).toEqual({ kind: 'direct', transitionId: '2' });
  });

  it('steps through an intermediate status when no transition reaches the target', () => {
    expect(hop([t('11', 'ready'), t('72', 'cancelled')], 'sent', ['draft'])).toEqual({
      kind: 'via',
      transitionId: '11',
      toStatusId: 'ready',
    });
  });

  it('never passes through another done status, even one in the target category', () => {
    expect(hop([t('31', 'sent'), t('72', 'cancelled')], 'paid', ['draft', 'ready'])).toEqual({
      kind: 'via',
      transitionId: '31',
      toStatusId: 'sent',
    });
  });

  it('prefers the intermediate closest to the target and skips visited, screened and unavailable ones', () => {
    const transitions = [
      t('a', 'ready'),
      t('b', 'sent', { hasScreen: true }),
      t('c', 'overdue', { isAvailable: false }),
      t('d', 'draft'),
    ];
    expect(hop(transitions, 'paid', ['draft'])).toEqual({ kind: 'via', transitionId: 'a', toStatusId: 'ready' });
    expect(hop([t('d', 'draft')], 'paid', ['draft'])).toEqual({ kind: 'blocked', reason: 'no-transition' });
  });

  it('says why when only a screen leads to the target', () => {
    expect(hop([t('62', 'paid', { hasScreen: true })], 'paid', ['sent'])).toEqual({
      kind: 'blocked',
      reason: 'screen-only',
    });
  });
});
