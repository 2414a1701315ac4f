import { randomUUID } from 'node:crypto';
import { getWebhookVerificationSecrets } from '../../../adapters/storage/secrets';
import { signWaveWebhook, WAVE_SIGNATURE_HEADER } from '../../../domain/wave-webhook';
import { processWaveDelivery } from '../../../usecases/intake/process-wave-delivery';
import type { TestEventResult } from '../api';
import { readDeliveryAnswer } from '../core/delivery-answer';
import { refuse } from '../core/envelope';

/** An event type no Wave resource uses: the intake verifies and logs it, then ignores it. */
export const TEST_EVENT_TYPE = 'test.ping';

/**
 * "Send test event": a `test.ping` signed with the current secret goes through the same intake as
 * Wave's deliveries (signature check, parsing, activity log), in this invocation: a Forge app cannot
 * call its own web trigger without extra egress.
 */
export async function sendTestEvent(now: number = Date.now()): Promise<TestEventResult> {
  const [secret] = await getWebhookVerificationSecrets(now);
  if (!secret)
    throw refuse(
      'NOT_CONFIGURED',
      'Set a signing secret first: the test event is signed with it, as Wave would sign it.',
    );
  const rawBody = JSON.stringify({
    id: `test_${randomUUID()}`,
    type: TEST_EVENT_TYPE,
    occurredAt: new Date(now).toISOString(),
    data: {},
  });
  const signature = signWaveWebhook({ rawBody, secret, timestamp: Math.floor(now / 1000) });
  const response = await processWaveDelivery({
    method: 'POST',
    body: rawBody,
    path: '/',
    headers: { 'content-type': ['application/json'], [WAVE_SIGNATURE_HEADER]: [signature] },
    queryParameters: {},
  });
  const { outcome, detail } = readDeliveryAnswer(response);
  const passed = response.statusCode >= 200 && response.statusCode < 300;
  const message = passed
    ? `The webhook endpoint verified the signature and answered ${response.statusCode} (${outcome}). It is listed under Activity.`
    : `The webhook endpoint answered ${response.statusCode}${detail ? `: ${detail}` : ''}.`;
  return { statusCode: response.statusCode, outcome, message };
}
