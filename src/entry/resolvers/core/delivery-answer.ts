import type { WebTriggerResponse } from '../../webtrigger/http';

export interface DeliveryAnswer {
  statusCode: number;
  /** `processed`, `ignored`, `duplicate`, … from the intake's JSON answer; `rejected`/`failed` otherwise. */
  outcome: string;
  /** The intake's error message, when it refused or failed. */
  detail?: string;
}

/** Reads the intake's answer (`{status}` or `{error}`) the way Wave would see it. */
export function readDeliveryAnswer(response: WebTriggerResponse): DeliveryAnswer {
  const { statusCode } = response;
  try {
    const parsed = JSON.parse(response.body ?? '') as { status?: unknown; error?: unknown };
    if (typeof parsed.status === 'string') return { statusCode, outcome: parsed.status };
    if (typeof parsed.error === 'string')
      return {
        statusCode,
        outcome: statusCode >= 500 || statusCode === 409 ? 'failed' : 'rejected',
        detail: parsed.error,
      };
  } catch {
    // not JSON: judged by the status alone
  }
  return { statusCode, outcome: statusCode < 300 ? 'accepted' : 'failed' };
}
