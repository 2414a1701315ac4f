export type WaveEnvelopeErrorKind = 'not_json' | 'not_object' | 'missing_field' | 'invalid_data';

/**
 * The one error `parseWaveEnvelope` throws. `path` names the offending field
 * (`data.invoice.total.value`); messages never echo the offending value.
 */
export class WaveEnvelopeError extends Error {
  override readonly name = 'WaveEnvelopeError';

  constructor(
    readonly kind: WaveEnvelopeErrorKind,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }

  /** 400 when the body is not an envelope at all, 422 when it is one but its data cannot be a Wave resource. */
  get httpStatus(): 400 | 422 {
    return this.kind === 'invalid_data' ? 422 : 400;
  }
}
