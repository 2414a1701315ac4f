import { randomUUID } from 'node:crypto';
import { signWaveWebhook, WAVE_SIGNATURE_HEADER } from '../../../src/domain/wave-webhook';

/** Posts a `test.ping` signed with `secret` at the runtime clock's time, as Wave would; returns the HTTP status. */
export async function postSignedPing(
  webhookUrl: string,
  secret: string,
  nowMs: number,
): Promise<{ status: number; body: string }> {
  const rawBody = JSON.stringify({
    id: `e2e_${randomUUID()}`,
    type: 'test.ping',
    occurredAt: new Date(nowMs).toISOString(),
    data: {},
  });
  const signature = signWaveWebhook({ rawBody, secret, timestamp: Math.floor(nowMs / 1000) });
  const response = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [WAVE_SIGNATURE_HEADER]: signature },
    body: rawBody,
  });
  return { status: response.status, body: await response.text() };
}
