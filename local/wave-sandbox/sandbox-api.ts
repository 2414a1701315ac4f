import { z } from 'zod';
import { eventBody } from './events';
import { paymentInputSchema, recordPayment, upsertCustomer, upsertInvoice } from './mutations';
import { parseInput } from './sandbox-input';
import type { WaveState } from './state';
import { customerView, invoiceView, paymentView } from './views';
import type { DeliveryStatus, WebhookSender } from './webhook-sender';

const deliveryOptions = {
  deliver: z.boolean().optional(),
  event: z.string().min(1).optional(),
  thin: z.boolean().optional(),
  eventId: z.string().min(1).optional(),
};
const invoiceRequest = z.strictObject({ invoice: z.unknown(), ...deliveryOptions });
const customerRequest = z.strictObject({ customer: z.unknown(), ...deliveryOptions });
const paymentRequest = z.strictObject({
  ...paymentInputSchema.shape,
  deliver: deliveryOptions.deliver,
  event: deliveryOptions.event,
  eventId: deliveryOptions.eventId,
});

type WithDelivery<T> = T & { delivery?: DeliveryStatus };

/**
 * What the /_sandbox endpoints do, callable in-process too: change Wave's data the way a Wave user
 * would, and (with `deliver`) send the matching signed webhook, waiting for its first attempt.
 */
export class SandboxApi {
  constructor(
    private readonly state: WaveState,
    private readonly sender: WebhookSender,
  ) {}

  async invoice(request: unknown) {
    const { invoice: input, deliver, event, thin, eventId } = parseInput(invoiceRequest, request, '');
    const { invoice: record, created } = upsertInvoice(this.state, input ?? {});
    const invoice = invoiceView(this.state, record);
    const type = event ?? (created ? 'invoice.created' : 'invoice.updated');
    return this.withDelivery({ invoice }, deliver, { type, eventId, thin, resourceKey: 'invoice', resource: invoice });
  }

  async customer(request: unknown) {
    const { customer: input, deliver, event, thin, eventId } = parseInput(customerRequest, request, '');
    const { customer: record, created } = upsertCustomer(this.state, input ?? {});
    const customer = customerView(record);
    const type = event ?? (created ? 'customer.created' : 'customer.updated');
    return this.withDelivery({ customer }, deliver, {
      type,
      eventId,
      thin,
      resourceKey: 'customer',
      resource: customer,
    });
  }

  async payment(request: unknown) {
    const { deliver, event, eventId, ...input } = parseInput(paymentRequest, request, '');
    const { payment: paymentRecord, invoice: invoiceRecord } = recordPayment(this.state, input);
    const payment = paymentView(paymentRecord);
    const invoice = invoiceView(this.state, invoiceRecord);
    return this.withDelivery({ payment, invoice }, deliver, {
      type: event ?? 'payment.received',
      eventId,
      resourceKey: 'payment',
      resource: payment,
    });
  }

  stateDump() {
    const { state } = this;
    return {
      business: {
        id: state.business.id,
        name: state.business.name,
        currency: state.business.currencyCode,
        user: state.business.user,
      },
      customers: state.customers.list().map(customerView),
      invoices: state.invoices.list().map((invoice) => invoiceView(state, invoice)),
      payments: state.payments.list().map(paymentView),
    };
  }

  private async withDelivery<T extends object>(
    answer: T,
    deliver: boolean | undefined,
    event: {
      type: string;
      eventId?: string;
      thin?: boolean;
      resourceKey: 'invoice' | 'customer' | 'payment';
      resource: { id: string };
    },
  ): Promise<WithDelivery<T>> {
    if (!deliver) return answer;
    const { eventId, body } = eventBody({
      ...event,
      occurredAt: this.state.nowIso(),
      businessId: this.state.business.id,
    });
    return { ...answer, delivery: await this.sender.deliver(eventId, event.type, body) };
  }
}
