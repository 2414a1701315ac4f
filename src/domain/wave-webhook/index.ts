export * from './constants';
export * from './types';
export { WaveSignatureError, WAVE_SIGNATURE_FAILURE_REASONS, type WaveSignatureFailureReason } from './signature-error';
export { verifyWaveSignature, type VerifyWaveSignatureInput, type VerifiedWaveSignature } from './signature';
export { signWaveWebhook, type SignWaveWebhookInput } from './sign';
export { WaveEnvelopeError, type WaveEnvelopeErrorKind } from './envelope-error';
export { parseWaveEnvelope, isInvoiceEvent, isCustomerEvent, isPaymentEvent, isUnknownEvent } from './envelope';
export { moneySchema, invoiceSchema, customerSchema, paymentSchema } from './resource-schemas';
