import {
  CUSTOMER_EVENT_TYPES,
  INVOICE_EVENT_TYPES,
  PAYMENT_EVENT_TYPES,
  type CustomerEvent,
  type CustomerEventType,
  type InvoiceEvent,
  type InvoiceEventType,
  type PaymentEvent,
  type PaymentEventType,
  type UnknownEvent,
  type WaveEvent,
} from './types';

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

export function isInvoiceEvent(event: WaveEvent): event is InvoiceEvent {
  return !('unknown' in event) && isOneOf<InvoiceEventType>(INVOICE_EVENT_TYPES, event.type);
}

export function isCustomerEvent(event: WaveEvent): event is CustomerEvent {
  return !('unknown' in event) && isOneOf<CustomerEventType>(CUSTOMER_EVENT_TYPES, event.type);
}

export function isPaymentEvent(event: WaveEvent): event is PaymentEvent {
  return !('unknown' in event) && isOneOf<PaymentEventType>(PAYMENT_EVENT_TYPES, event.type);
}

export function isUnknownEvent(event: WaveEvent): event is UnknownEvent {
  return 'unknown' in event;
}
