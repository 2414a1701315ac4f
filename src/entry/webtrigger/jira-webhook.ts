import { receiveJiraWebhook } from '../../usecases/jira-events/receive-jira-webhook';
import { jsonResponse, type WebTriggerRequest, type WebTriggerResponse } from './http';

/** Web trigger `jira-webhook`: Jira's dynamic webhooks (authenticated by the token in their URL). */
export async function jiraWebhook(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  try {
    return await receiveJiraWebhook(request);
  } catch (error) {
    console.error('jira-webhook failed', error instanceof Error ? error.name : 'unknown error');
    return jsonResponse(500, { error: 'the app failed to process this event; Jira retries it' });
  }
}
