import { receiveJiraWebhook } from '../../usecases/jira-events/receive-jira-webhook';
import { JIRA_WEBHOOK_TOKEN_PARAMETER } from '../../usecases/keeper/jira-webhook-target';
import { jsonResponse, type WebTriggerRequest, type WebTriggerResponse } from './http';

/** Web trigger `jira-webhook`: Jira's dynamic webhooks (authenticated by the token in their URL). */
export async function jiraWebhook(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  try {
    const outcome = await receiveJiraWebhook({
      method: request.method,
      rawBody: request.body ?? '',
      token: request.queryParameters?.[JIRA_WEBHOOK_TOKEN_PARAMETER]?.[0],
    });
    if (outcome.kind === 'accepted') return jsonResponse(200, { status: 'ok' });
    return jsonResponse(outcome.status, { error: outcome.message }, outcome.status === 405 ? { Allow: 'POST' } : {});
  } catch (error) {
    console.error('jira-webhook failed', error instanceof Error ? error.name : 'unknown error');
    return jsonResponse(500, { error: 'the app failed to process this event; Jira retries it' });
  }
}
