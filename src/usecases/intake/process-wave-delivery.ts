import { recordDelivery, type DeliveryOutcome } from '../../adapters/storage/activity-log';
import { saveFailedDelivery } from '../../adapters/storage/failed-deliveries';
import { getWebhookVerificationSecrets } from '../../adapters/storage/secrets';
import {
  parseWaveEnvelope,
  verifyWaveSignature,
  WAVE_SIGNATURE_HEADER,
  WAVE_WEBHOOK_MAX_BODY_BYTES,
  WaveEnvelopeError,
  WaveSignatureError,
} from '../../domain/wave-webhook';
import type { WaveEvent } from '../../domain/wave-webhook/types';
import { headerValue, type WebTriggerRequest, type WebTriggerResponse } from '../../entry/webtrigger/http';
import { createTimeBudget, WEB_TRIGGER_BUDGET_MS } from '../../shared/time-budget';
import { createSyncContext } from '../sync-context';
import { syncWaveEvent } from '../sync/sync-event';
import { acknowledged, failed, refused } from './delivery-response';

interface DeliveryFacts {
  eventId?: string;
  eventType?: string;
  invoiceNumber?: string;
  issueKey?: string;
}

async function log(outcome: DeliveryOutcome, receivedAt: number, facts: DeliveryFacts, reason?: string): Promise<void> {
  await recordDelivery({ receivedAt, outcome, ...facts, ...(reason ? { reason } : {}) });
}

function invoiceNumberOf(event: WaveEvent): string | undefined {
  if ('invoice' in event && !('thin' in event.invoice)) return event.invoice.invoiceNumber;
  return undefined;
}

/**
 * Syncs a delivery whose signature was verified (now, or when it first arrived, for a replay).
 * Every outcome lands in the activity log; a failure keeps the body so an admin can replay it.
 */
export async function syncVerifiedBody(rawBody: string, receivedAt: number): Promise<WebTriggerResponse> {
  let event: WaveEvent;
  try {
    event = parseWaveEnvelope(rawBody);
  } catch (error) {
    if (!(error instanceof WaveEnvelopeError)) throw error;
    await log('rejected', receivedAt, {}, error.message);
    return refused(error.httpStatus, error.message, error.kind);
  }
  const facts: DeliveryFacts = { eventId: event.id, eventType: event.type, invoiceNumber: invoiceNumberOf(event) };
  try {
    const ctx = await createSyncContext(createTimeBudget({ limitMs: WEB_TRIGGER_BUDGET_MS, reserveMs: 1_000 }));
    const result = await syncWaveEvent(ctx, event);
    await log(
      result.outcome,
      receivedAt,
      { ...facts, invoiceNumber: result.invoiceNumber ?? facts.invoiceNumber, issueKey: result.issueKey },
      result.notes.join(' '),
    );
    return acknowledged(result);
  } catch (error) {
    const { response, reason } = failed(error);
    await saveFailedDelivery(event.id, rawBody);
    await log('failed', receivedAt, facts, reason);
    return response;
  }
}

/** The `wave-webhook` web trigger: verify, parse, sync, answer (contract: docs/wave-webhooks.md). */
export async function processWaveDelivery(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  const receivedAt = Date.now();
  if (request.method.toUpperCase() !== 'POST')
    return refused(405, 'only POST is accepted', 'method_not_allowed', { Allow: 'POST' });
  const rawBody = request.body ?? '';
  if (Buffer.byteLength(rawBody, 'utf8') > WAVE_WEBHOOK_MAX_BODY_BYTES) {
    return refused(413, `the body is larger than ${WAVE_WEBHOOK_MAX_BODY_BYTES} bytes`, 'payload_too_large');
  }
  try {
    verifyWaveSignature({
      rawBody,
      header: headerValue(request, WAVE_SIGNATURE_HEADER),
      secrets: await getWebhookVerificationSecrets(receivedAt),
      now: receivedAt,
    });
  } catch (error) {
    if (!(error instanceof WaveSignatureError)) throw error;
    await log('rejected', receivedAt, {}, error.message);
    const headers: Record<string, string> = error.httpStatus === 503 ? { 'Retry-After': '300' } : {};
    return refused(error.httpStatus, error.message, error.reason, headers);
  }
  return syncVerifiedBody(rawBody, receivedAt);
}
