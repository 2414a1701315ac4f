import { recordRefusal } from '../../adapters/storage/refusal-log';
import { getWebhookVerificationSecrets } from '../../adapters/storage/secrets';
import {
  detectFormat,
  readJsonObject,
  verifyWaveSignature,
  WAVE_SIGNATURE_HEADER,
  WAVE_TIMESTAMP_HEADER,
  WAVE_WEBHOOK_MAX_BODY_BYTES,
  WaveEnvelopeError,
  WaveSignatureError,
  type DeliveryFormat,
} from '../../domain/wave-webhook';
import { UnavailableError } from '../../shared/errors';
import type { IntakeOutcome } from './intake-outcome';
import { outcomeOfError } from './outcome-of-error';
import { syncVerifiedDelivery } from './sync-verified-delivery';

/** A delivery as the web trigger received it, in transport-neutral terms. */
export interface InboundDelivery {
  method: string;
  rawBody: string;
  /** A header's value (repeated headers joined with commas), looked up case-insensitively. */
  header(name: string): string | undefined;
}

/** Wave's signing secret is unknown here (set in the app later): a retry will succeed once it is set. */
const NO_SECRET_RETRY_SECONDS = 300;

/**
 * The `wave-webhook` intake (docs/wave-webhooks.md): method and size, signature, then the delivery is parsed
 * and synced. Refusals before the signature is proven are counted, never stored one by one.
 */
export async function receiveWaveDelivery(delivery: InboundDelivery): Promise<IntakeOutcome> {
  const receivedAt = Date.now();
  if (delivery.method.toUpperCase() !== 'POST') {
    return countRefused(receivedAt, {
      kind: 'refused',
      status: 405,
      reason: 'method_not_allowed',
      message: 'only POST is accepted',
      allow: 'POST',
    });
  }
  if (Buffer.byteLength(delivery.rawBody, 'utf8') > WAVE_WEBHOOK_MAX_BODY_BYTES) {
    return countRefused(receivedAt, {
      kind: 'refused',
      status: 413,
      reason: 'payload_too_large',
      message: `the body is larger than ${WAVE_WEBHOOK_MAX_BODY_BYTES} bytes`,
    });
  }
  let secrets: string[];
  try {
    secrets = await getWebhookVerificationSecrets(receivedAt);
  } catch (error) {
    // Storage over its quota or down: nothing is known about the delivery yet, and Wave's retry will be checked.
    if (!(error instanceof UnavailableError)) throw error;
    return outcomeOfError(error);
  }
  try {
    verifyWaveSignature({
      rawBody: delivery.rawBody,
      header: delivery.header(WAVE_SIGNATURE_HEADER),
      secrets,
      now: receivedAt,
      bareFreshness:
        formatOf(delivery.rawBody) === 'wave'
          ? { source: 'timestamp-header', header: delivery.header(WAVE_TIMESTAMP_HEADER) }
          : { source: 'body-occurred-at' },
    });
  } catch (error) {
    if (!(error instanceof WaveSignatureError)) throw error;
    if (error.httpStatus === 503) {
      return countRefused(receivedAt, {
        kind: 'unavailable',
        retryAfterSeconds: NO_SECRET_RETRY_SECONDS,
        reason: error.reason,
        message: error.message,
      });
    }
    return countRefused(receivedAt, { kind: 'refused', status: 401, reason: error.reason, message: error.message });
  }
  return syncVerifiedDelivery(delivery.rawBody, receivedAt);
}

/** Which freshness rule a bare signature gets; a body that is no JSON object fails the signature or the parse. */
function formatOf(rawBody: string): DeliveryFormat {
  try {
    return detectFormat(readJsonObject(rawBody));
  } catch (error) {
    if (error instanceof WaveEnvelopeError) return 'full';
    throw error;
  }
}

async function countRefused<T extends IntakeOutcome & { reason: string; message: string }>(
  at: number,
  outcome: T,
): Promise<T> {
  await recordRefusal({ at, reason: outcome.reason, message: outcome.message });
  return outcome;
}
