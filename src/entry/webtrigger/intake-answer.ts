import type { IntakeOutcome } from '../../usecases/intake/intake-outcome';
import { jsonResponse, type WebTriggerResponse } from './http';

/** The HTTP answer Wave gets for an intake outcome (docs/wave-webhooks.md, "The answers"). */
export function intakeAnswer(outcome: IntakeOutcome): WebTriggerResponse {
  switch (outcome.kind) {
    case 'refused':
      return jsonResponse(
        outcome.status,
        { error: outcome.message, reason: outcome.reason },
        outcome.allow ? { Allow: outcome.allow } : {},
      );
    case 'unavailable':
      return jsonResponse(
        503,
        { error: outcome.message, reason: outcome.reason },
        { 'Retry-After': String(outcome.retryAfterSeconds) },
      );
    case 'failed':
      return jsonResponse(500, { error: outcome.message, reason: 'internal_error' });
    case 'ignored':
    case 'gone':
      return jsonResponse(200, { status: outcome.kind, reason: outcome.reason });
    default:
      return jsonResponse(200, { status: outcome.kind, ...(outcome.issueKey ? { issueKey: outcome.issueKey } : {}) });
  }
}
