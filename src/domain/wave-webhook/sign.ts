import { hmacSha256, timestampedPayload, type RawBody } from './hmac';

export type SignWaveWebhookInput =
  | {
      rawBody: RawBody;
      secret: string;
      /** Unix seconds, or a Date. */
      timestamp: number | Date;
      scheme?: 'timestamped';
    }
  | {
      rawBody: RawBody;
      secret: string;
      scheme: 'bare';
      encoding?: 'hex' | 'base64';
      /** Adds the `sha256=` prefix. */
      prefix?: boolean;
    };

/** A year-5000 guard: a millisecond value passed as seconds would otherwise sign a time no one accepts. */
const MAX_UNIX_SECONDS = 99_999_999_999;

/** Returns the value of an `x-wave-signature` header for rawBody (senders and tests). */
export function signWaveWebhook(input: SignWaveWebhookInput): string {
  if (input.scheme === 'bare') {
    const digest = hmacSha256(input.secret, input.rawBody).toString(input.encoding ?? 'hex');
    return input.prefix ? `sha256=${digest}` : digest;
  }
  const timestamp = input.timestamp instanceof Date ? Math.floor(input.timestamp.getTime() / 1000) : input.timestamp;
  if (!Number.isSafeInteger(timestamp) || timestamp < 0 || timestamp > MAX_UNIX_SECONDS) {
    throw new RangeError('timestamp must be a whole number of unix seconds (not milliseconds) or a Date');
  }
  const digest = hmacSha256(input.secret, ...timestampedPayload(timestamp, input.rawBody)).toString('hex');
  return `t=${timestamp},v1=${digest}`;
}
