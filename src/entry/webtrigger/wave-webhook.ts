import { processWaveDelivery } from '../../usecases/intake/process-wave-delivery';
import { jsonResponse, type WebTriggerRequest, type WebTriggerResponse } from './http';

/** Web trigger `wave-webhook`. Forge turns a thrown error into a bare 500; answer one Wave can read instead. */
export async function waveWebhook(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  try {
    return await processWaveDelivery(request);
  } catch (error) {
    console.error('wave-webhook failed', error instanceof Error ? error.name : 'unknown error');
    return jsonResponse(500, {
      error: 'the app failed to process this delivery; it will be retried',
      reason: 'internal_error',
    });
  }
}
