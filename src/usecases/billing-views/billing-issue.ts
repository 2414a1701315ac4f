import { getAppFieldIds } from '../../adapters/jira/app-fields';
import { getIssue, type JiraIssue } from '../../adapters/jira/issues';
import { JiraClient } from '../../adapters/jira/jira-client';
import { billingRecordOf, type BillingRecord } from '../../domain/billing';
import { WAVE_LINK_PROPERTY_KEY } from '../../domain/sync';
import { NotFoundError } from '../../shared/errors';
import type { Viewer } from './viewer';

const FIELDS = ['summary', 'status', 'issuetype', 'project', 'labels', 'issuelinks'];

export interface BillingIssue {
  issue: JiraIssue;
  record: BillingRecord | null;
  /** The app's `wave-link` field (the invoice's address in Wave), as stored. */
  waveUrl: unknown;
}

/**
 * The issue as the viewer sees it, with what the app's property says it is (an invoice, a customer, or neither).
 * An issue the viewer may not browse is not found, exactly like one that does not exist.
 */
export async function readBillingIssue(viewer: Viewer, issueKey: string): Promise<BillingIssue> {
  // Field ids are the installation's, not the viewer's data: looked up as the app, once per warm instance.
  const fieldIds = await getAppFieldIds(JiraClient.asApp(viewer.budget));
  const issue = await getIssue(viewer.jira, issueKey, {
    fields: [...FIELDS, fieldIds['wave-link']],
    properties: [WAVE_LINK_PROPERTY_KEY],
  });
  if (!issue) throw new NotFoundError(`issue ${issueKey} does not exist or you do not have permission to see it`);
  const record = billingRecordOf({ id: issue.id, key: issue.key }, issue.properties?.[WAVE_LINK_PROPERTY_KEY]);
  return { issue, record, waveUrl: issue.fields[fieldIds['wave-link']] };
}
