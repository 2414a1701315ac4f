import { receiveWaveDelivery } from '../../usecases/intake/receive-wave-delivery';
import { headerValue, jsonResponse, type WebTriggerRequest, type WebTriggerResponse } from './http';
import { intakeAnswer } from './intake-answer';

/** Web trigger `wave-webhook`. Forge turns a thrown error into a bare 500; answer one Wave can read instead. */
export async function waveWebhook(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  try {
    const outcome = await receiveWaveDelivery({
      method: request.method,
      rawBody: request.body ?? '',
      header: (name) => headerValue(request, name),
    });
    return intakeAnswer(outcome);
  } catch (error) {
    console.error('wave-webhook failed', error instanceof Error ? error.name : 'unknown error');
    return jsonResponse(500, {
      error: 'the app failed to process this delivery; it will be retried',
      reason: 'internal_error',
    });
  }
}
