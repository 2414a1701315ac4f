import { randomUUID } from 'node:crypto';
import { numericIdOf, parseBusinessId, signWaveWebhook } from '../../src/domain/wave-webhook';
import { TEST_SIGNING_SECRET, type Delivery, type TestStack } from './test-stack';

/** Builds and signs deliveries in Wave's own format (../shared/reference/wave-webhook-delivery.example.json). */

export interface WaveFormatOptions {
  /** `uuid` (default) or `global`: Wave sends either. */
  businessIdForm?: 'uuid' | 'global';
  eventId?: string;
  /** Extra `data` fields Wave sends (amounts and dates the app must never write). */
  data?: Record<string, unknown>;
}

/** The body of one Wave delivery about an invoice of the sandbox's business. */
export function waveBody(
  t: TestStack,
  eventType: string,
  invoiceGlobalId: string,
  options: WaveFormatOptions = {},
): { eventId: string; body: string } {
  const business = parseBusinessId(t.stack.wave.businessId);
  const invoiceId = numericIdOf(invoiceGlobalId);
  if (!business || !invoiceId) throw new Error('the sandbox ids are not Wave global ids');
  const eventId = options.eventId ?? randomUUID();
  const body = JSON.stringify({
    event_id: eventId,
    event_type: eventType,
    business_id: options.businessIdForm === 'global' ? business.globalId : business.uuid,
    data: { invoice_id: invoiceId, currency_code: 'USD', ...options.data },
  });
  return { eventId, body };
}

export interface SignOptions {
  /** `timestamped` (default): `t=…,v1=…`; `bare`: hex HMAC of the body; `none`: no signature header. */
  scheme?: 'timestamped' | 'bare' | 'none';
  /** Unix seconds the delivery claims (default now); also sent as `x-wave-timestamp`. */
  timestamp?: number;
  /** Leave out `x-wave-timestamp`. */
  noTimestampHeader?: boolean;
  secret?: string;
}

/** Posts a body to the app's `wave-webhook` trigger, signed as Wave signs. */
export async function postWave(t: TestStack, body: string, options: SignOptions = {}): Promise<Delivery> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = options.secret ?? TEST_SIGNING_SECRET;
  const scheme = options.scheme ?? 'timestamped';
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!options.noTimestampHeader) headers['x-wave-timestamp'] = String(timestamp);
  if (scheme === 'timestamped') headers['x-wave-signature'] = signWaveWebhook({ rawBody: body, secret, timestamp });
  if (scheme === 'bare') headers['x-wave-signature'] = signWaveWebhook({ rawBody: body, secret, scheme: 'bare' });
  const response = await fetch(t.stack.webhookUrl('wave-webhook'), { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

/** Creates or changes an invoice in the Wave sandbox without any webhook, as Wave's own UI would. */
export async function changeInWave(
  t: TestStack,
  invoice: Record<string, unknown>,
): Promise<{ id: string; invoiceNumber: string }> {
  const answer = await t.stack.wave.api.invoice({ invoice, deliver: false });
  return answer.invoice as unknown as { id: string; invoiceNumber: string };
}

/** A payment recorded in the Wave sandbox, without any webhook. */
export async function payInWave(t: TestStack, invoiceId: string, amount: string): Promise<void> {
  await t.stack.wave.api.payment({ invoiceId, amount, paymentMethod: 'bank transfer', deliver: false });
}
