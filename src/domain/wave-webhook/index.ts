export * from './constants';
export * from './types';
export { WaveSignatureError, WAVE_SIGNATURE_FAILURE_REASONS, type WaveSignatureFailureReason } from './signature-error';
export { verifyWaveSignature, type VerifyWaveSignatureInput, type VerifiedWaveSignature } from './signature';
export { signWaveWebhook, type SignWaveWebhookInput } from './sign';
export { WaveEnvelopeError, type WaveEnvelopeErrorKind } from './envelope-error';
export { isInvoiceEvent, isCustomerEvent, isPaymentEvent, isUnknownEvent } from './event-guards';
export {
  parseDelivery,
  parseWaveEnvelope,
  detectFormat,
  readJsonObject,
  type DeliveryFormat,
  type ParsedDelivery,
} from './parse-delivery';
export { parseBusinessId, invoiceGlobalId, numericIdOf, type WaveBusinessId } from './wave-ids';
export { moneySchema, invoiceSchema, customerSchema, paymentSchema, idSchema } from './resource-schemas';
