import { getIssue } from '../../adapters/jira/issues';
import { deleteIssueLink, linkIssues, listIssueLinks } from '../../adapters/jira/issue-links';
import type { IssueRef, LinkWorkStep } from '../../domain/sync';
import { decideIssueLinks, recordAppLinks, type AppMadeLink } from '../../domain/links';
import type { SyncContext } from '../sync-context';

/** Reads to tell which named issues exist: a few at a time. */
const LOOKUPS_AT_ONCE = 5;

async function browsableKeys(ctx: SyncContext, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += LOOKUPS_AT_ONCE) {
    const batch = keys.slice(start, start + LOOKUPS_AT_ONCE);
    const issues = await Promise.all(batch.map((key) => getIssue(ctx.jira, key, { fields: ['summary'] })));
    issues.forEach((issue, index) => issue && found.add(batch[index] as string));
  }
  return found;
}

/**
 * Runs a `link-work` step: which named issues exist and the app may see, the billing issue's links now, the
 * decision (`decideIssueLinks`, pure), the changes, and the links the app made as Jira then shows them.
 */
export async function linkWork(
  ctx: SyncContext,
  issue: IssueRef,
  step: LinkWorkStep,
  notes: string[],
): Promise<AppMadeLink[]> {
  const wanted = [...step.keys, ...(step.customerIssueKey ? [step.customerIssueKey] : [])];
  const [browsable, currentLinks] = await Promise.all([
    browsableKeys(ctx, [...new Set(wanted)]),
    listIssueLinks(ctx.jira, issue.id),
  ]);
  const decision = decideIssueLinks({
    billingIssueKey: issue.key,
    keysInInvoice: step.keys,
    customerIssueKey: step.customerIssueKey,
    browsableKeys: browsable,
    currentLinks,
    appLinks: step.appLinks,
  });
  for (const link of decision.remove) await deleteIssueLink(ctx.jira, link.linkId);
  for (const link of decision.create) {
    await linkIssues(ctx.jira, { inwardIssueKey: link.otherKey, outwardIssueKey: issue.key, typeName: step.linkType });
  }
  const unseen = decision.skipped.filter((skip) => skip.reason === 'not-browsable').map((skip) => skip.otherKey);
  if (unseen.length > 0) {
    notes.push(`${issue.key}: ${unseen.join(', ')} named on the invoice, but no such issue is visible to the app.`);
  }
  const changed = decision.create.length > 0 || decision.remove.length > 0;
  return recordAppLinks(decision, changed ? await listIssueLinks(ctx.jira, issue.id) : currentLinks);
}
