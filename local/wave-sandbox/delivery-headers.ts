import { signWaveWebhook, WAVE_SIGNATURE_HEADER } from '../../src/domain/wave-webhook';

export const WAVE_TIMESTAMP_HEADER = 'x-wave-timestamp';

/** `timestamped`: `t=<unix s>,v1=<hex HMAC of "<t>.<body>">`; `bare`: the hex HMAC of the body, as one older receiver verified. */
export type SignatureForm = 'timestamped' | 'bare';

export interface HeaderOptions {
  signature: SignatureForm;
  /** Sends `x-wave-timestamp: <unix s>` (Wave's format does by default). */
  timestampHeader: boolean;
}

/** The headers of one attempt, signed at `timestamp` (unix seconds); the secret itself is never among them. */
export function deliveryHeaders(
  rawBody: string,
  secret: string,
  timestamp: number,
  options: HeaderOptions,
): Record<string, string> {
  const signature =
    options.signature === 'bare'
      ? signWaveWebhook({ rawBody, secret, scheme: 'bare' })
      : signWaveWebhook({ rawBody, secret, timestamp });
  return {
    'content-type': 'application/json',
    'user-agent': 'Wave-Webhooks/1.0 (local sandbox)',
    ...(options.timestampHeader && { [WAVE_TIMESTAMP_HEADER]: String(timestamp) }),
    [WAVE_SIGNATURE_HEADER]: signature,
  };
}
