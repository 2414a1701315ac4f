import Lozenge from '@atlaskit/lozenge';

type Appearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

/** Wave's statuses as Jira's lozenges: paid is done, late is red, sent and viewed are under way. */
const APPEARANCE: Record<string, Appearance> = {
  DRAFT: 'default',
  SAVED: 'default',
  UNPAID: 'new',
  SENT: 'inprogress',
  VIEWED: 'inprogress',
  PARTIAL: 'moved',
  OVERDUE: 'removed',
  PAID: 'success',
  OVERPAID: 'success',
  DELETED: 'default',
};

export function WaveStatusLozenge({ status }: { status: string }) {
  return (
    <Lozenge appearance={APPEARANCE[status] ?? 'default'} testId="wave-status">
      {status.replace(/_/g, ' ')}
    </Lozenge>
  );
}

/** "Overdue by 5 days" while something is owed past the due date. */
export function OverdueLozenge({ days }: { days: number | null }) {
  if (days === null || days <= 0) return null;
  return (
    <Lozenge appearance="removed" isBold testId="overdue">
      {`Overdue by ${days} ${days === 1 ? 'day' : 'days'}`}
    </Lozenge>
  );
}
