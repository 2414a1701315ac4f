export const WAVE_SIGNATURE_FAILURE_REASONS = [
  'missing_header',
  'malformed_header',
  'no_secret_configured',
  'timestamp_too_old',
  'timestamp_in_future',
  'signature_mismatch',
  'body_timestamp_missing',
  'body_timestamp_invalid',
  'timestamp_header_invalid',
] as const;

export type WaveSignatureFailureReason = (typeof WAVE_SIGNATURE_FAILURE_REASONS)[number];

/**
 * The one error `verifyWaveSignature` throws. The message says what is wrong and never
 * contains a secret or an expected signature (that would hand out a valid signature).
 */
export class WaveSignatureError extends Error {
  override readonly name = 'WaveSignatureError';

  constructor(
    readonly reason: WaveSignatureFailureReason,
    message: string,
  ) {
    super(message);
  }

  /** 503 when the app has no secret to check with (its fault, Wave should retry), else 401. */
  get httpStatus(): 401 | 503 {
    return this.reason === 'no_secret_configured' ? 503 : 401;
  }
}
