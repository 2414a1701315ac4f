import { clearCreateIntent } from '../../adapters/storage/create-intent';
import { putIssueBacklink, type IssueBacklink } from '../../adapters/storage/links';
import type { IssueRef } from '../../domain/sync';

/** After a record got a (new) issue: the create intent is settled and the issue can find its way back. */
export async function recordIssueOwnership(
  record: IssueBacklink,
  previousIssueId: string | undefined,
  issue: IssueRef | null,
): Promise<void> {
  if (!issue || issue.id === previousIssueId) return;
  await putIssueBacklink(issue.id, record);
  await clearCreateIntent(record.kind, record.waveId);
}
