import { randomUUID } from 'node:crypto';
import { getAppConfig } from '../../../adapters/storage/config';
import { getWebhookVerificationSecrets } from '../../../adapters/storage/secrets';
import { signWaveWebhook, WAVE_SIGNATURE_HEADER, WAVE_TIMESTAMP_HEADER } from '../../../domain/wave-webhook';
import { describeOutcome, isAcknowledged } from '../../../usecases/intake/intake-outcome';
import { receiveWaveDelivery } from '../../../usecases/intake/receive-wave-delivery';
import type { TestEventResult } from '../api';
import { refuse } from '../core/envelope';

/** An event type Wave never sends: the intake verifies and logs it, then ignores it. */
export const TEST_EVENT_TYPE = 'test.ping';
/** Stands in for the business when none is connected yet (the test event names no invoice). */
const NO_BUSINESS = '00000000-0000-0000-0000-000000000000';

/**
 * "Send test event": a `test.ping` in Wave's own format, signed with the current secret as Wave signs, goes
 * through the same intake as Wave's deliveries (signature, parsing, activity log), in this invocation: a Forge
 * app cannot call its own web trigger without extra egress.
 */
export async function sendTestEvent(now: number = Date.now()): Promise<TestEventResult> {
  const [secret] = await getWebhookVerificationSecrets(now);
  if (!secret)
    throw refuse(
      'NOT_CONFIGURED',
      'Set a signing secret first: the test event is signed with it, as Wave would sign it.',
    );
  const rawBody = JSON.stringify({
    event_id: `test_${randomUUID()}`,
    event_type: TEST_EVENT_TYPE,
    business_id: (await getAppConfig()).connectedBusinessId ?? NO_BUSINESS,
    data: {},
  });
  const timestamp = Math.floor(now / 1000);
  const headers: Record<string, string> = {
    [WAVE_SIGNATURE_HEADER]: signWaveWebhook({ rawBody, secret, timestamp }),
    [WAVE_TIMESTAMP_HEADER]: String(timestamp),
  };
  const outcome = await receiveWaveDelivery({ method: 'POST', rawBody, header: (name) => headers[name.toLowerCase()] });
  const accepted = isAcknowledged(outcome);
  const message = accepted
    ? `The webhook endpoint verified the signature and accepted it (${outcome.kind}). It is listed under Activity.`
    : `The webhook endpoint did not accept it: ${describeOutcome(outcome)}.`;
  return { accepted, outcome: outcome.kind, message };
}
