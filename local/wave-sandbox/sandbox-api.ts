import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { deliveryFields, deliveryOptions, WAVE_DEFAULTS, type DeliveryOptions } from './delivery-options';
import { eventBody } from './events';
import { resourceGlobalId } from './ids';
import { deleteInvoice, upsertInvoice } from './invoice-mutations';
import { paymentInputSchema } from './input-schemas';
import { recordPayment, upsertCustomer } from './mutations';
import type { DeliveryAnswer, WaveNotifier } from './notifier';
import { markPassedDueDates } from './overdue';
import type { InvoiceRecord, SandboxSettings } from './records';
import { moneyInput, parseInput, SandboxInputError, toMinor } from './sandbox-input';
import { settingsInput } from './settings';
import type { WaveState } from './state';
import { currencyOf, customerView, invoiceView, paymentView } from './views';
import { invoiceChangeEvent, isPaymentEvent, noEventReason, paymentEvent } from './wave-event-types';
import { customerEventData, estimateEventData, invoiceEventData, waveEventBody } from './wave-format';
import type { WebhookSender } from './webhook-sender';

const { thin: _thin, ...paymentDeliveryFields } = deliveryFields;
const invoiceRequest = z.strictObject({ invoice: z.unknown(), ...deliveryFields });
const customerRequest = z.strictObject({ customer: z.unknown(), ...deliveryFields });
const paymentRequest = z.strictObject({ ...paymentInputSchema.shape, ...paymentDeliveryFields });
const estimateRequest = z.strictObject({
  estimate: z.strictObject({ customerId: z.string().min(1).optional(), total: moneyInput.optional() }).optional(),
  event: z
    .string()
    .regex(/^estimate\.\w+$/, 'must be an estimate event like "estimate.sent"')
    .optional(),
  eventId: deliveryFields.eventId,
  businessIdForm: deliveryFields.businessIdForm,
  signature: deliveryFields.signature,
  timestampHeader: deliveryFields.timestampHeader,
});

type WithDelivery<T> = T & { delivery?: DeliveryAnswer };

/** The full format's event for a change: `invoice.created`, `customer.updated`, … */
function fullFormatEvent(resource: 'invoice' | 'customer', created: boolean): string {
  return `${resource}.${created ? 'created' : 'updated'}`;
}

/**
 * What the /_sandbox endpoints do, callable in-process too: change Wave's data the way a Wave user
 * would, and (with `deliver`) send the webhook Wave sends for that change, waiting for its first attempt.
 */
export class SandboxApi {
  constructor(
    private readonly state: WaveState,
    private readonly notifier: WaveNotifier,
    private readonly sender: WebhookSender,
  ) {}

  async invoice(request: unknown) {
    const { invoice: input, ...fields } = parseInput(invoiceRequest, request, '');
    const options = deliveryOptions(fields);
    this.catchUpWithClock();
    const { record, prepared } = this.state.transaction(() => {
      const { invoice: changed, before } = upsertInvoice(this.state, input ?? {});
      const natural =
        options.format === 'full' ? fullFormatEvent('invoice', !before) : invoiceChangeEvent(before, changed);
      const type = options.event ?? natural;
      const build = (eventType: string) => this.invoiceEvent(options, eventType, changed);
      return { record: changed, prepared: this.notifier.prepare(options, type, noEventReason(before, changed), build) };
    });
    return this.answer({ invoice: invoiceView(this.state, record) }, prepared);
  }

  async customer(request: unknown) {
    const { customer: input, ...fields } = parseInput(customerRequest, request, '');
    const options = deliveryOptions(fields);
    this.catchUpWithClock();
    const { record, prepared } = this.state.transaction(() => {
      const { customer: changed, created } = upsertCustomer(this.state, input ?? {});
      const natural = options.format === 'full' ? fullFormatEvent('customer', created) : undefined;
      const build = (type: string) =>
        options.format === 'full'
          ? this.fullEvent(options, type, 'customer', customerView(changed))
          : this.waveEvent(options, type, customerEventData(changed.id));
      const whyNone = 'Wave sends no customer webhooks (the invoice events carry customer_id)';
      return { record: changed, prepared: this.notifier.prepare(options, options.event ?? natural, whyNone, build) };
    });
    return this.answer({ customer: customerView(record) }, prepared);
  }

  async payment(request: unknown) {
    const { invoiceId, amount, paymentDate, paymentMethod, ...fields } = parseInput(paymentRequest, request, '');
    const options = deliveryOptions(fields);
    this.catchUpWithClock();
    const { payment, invoice, prepared } = this.state.transaction(() => {
      const recorded = recordPayment(this.state, { invoiceId, amount, paymentDate, paymentMethod });
      const type = options.event ?? (options.format === 'full' ? 'payment.received' : paymentEvent(recorded.invoice));
      const build = (eventType: string) =>
        options.format === 'full'
          ? this.fullEvent(options, eventType, 'payment', paymentView(recorded.payment))
          : this.invoiceEvent(options, eventType, recorded.invoice);
      return { ...recorded, prepared: this.notifier.prepare(options, type, '', build) };
    });
    return this.answer({ payment: paymentView(payment), invoice: invoiceView(this.state, invoice) }, prepared);
  }

  /** Sends an estimate event (estimates are not stored: the app only has to ignore their events). */
  async estimate(request: unknown) {
    const { estimate = {}, event = 'estimate.sent', ...fields } = parseInput(estimateRequest, request, '');
    const options = deliveryOptions({ ...fields, deliver: true });
    this.catchUpWithClock();
    const customerId = estimate.customerId ?? this.state.customers.list()[0]?.id ?? '';
    if (!this.state.customers.get(customerId))
      throw new SandboxInputError(`estimate.customerId: customer ${customerId} does not exist`);
    const currencyCode = this.state.business.currencyCode;
    const totalRaw =
      estimate.total === undefined ? 0 : toMinor(estimate.total, currencyOf(currencyCode), 'estimate.total');
    const { id, prepared } = this.state.transaction(() => {
      const n = this.state.takeNumericId('nextEstimateN');
      const data = estimateEventData({ n, customerId, currencyCode, totalRaw });
      return {
        id: resourceGlobalId(this.state.business.uuid, 'Estimate', n),
        prepared: this.notifier.prepare(options, event, '', (type) => this.waveEvent(options, type, data)),
      };
    });
    return this.answer({ estimate: { id, customerId, total: totalRaw } }, prepared);
  }

  /** Deletes an invoice (and its payments); Wave sends no webhook for it. Undefined when there is none. */
  deleteInvoice(id: string) {
    this.catchUpWithClock();
    const deleted = deleteInvoice(this.state, id);
    return deleted && { deleted: invoiceView(this.state, deleted) };
  }

  settings(): SandboxSettings {
    return this.state.settings();
  }

  updateSettings(request: unknown): SandboxSettings {
    const changes = parseInput(settingsInput, request, '');
    const settings = { ...this.state.settings(), ...changes };
    this.state.setSettings(settings);
    return settings;
  }

  /**
   * Turns invoices whose due date the clock has passed into OVERDUE and sends `invoice.overdue` for
   * each, as Wave does by itself. Runs before every sandbox call and after every clock advance.
   */
  catchUpWithClock(): void {
    for (const invoice of markPassedDueDates(this.state)) {
      const type = 'invoice.overdue';
      try {
        const prepared = this.notifier.prepare(WAVE_DEFAULTS, type, '', (t) =>
          this.invoiceEvent(WAVE_DEFAULTS, t, invoice),
        );
        void this.notifier.send(prepared).catch(() => undefined);
      } catch (error) {
        if (!(error instanceof SandboxInputError)) throw error;
        const { signature, timestampHeader, format } = WAVE_DEFAULTS;
        const event = { eventId: randomUUID(), type, format, body: '', signature, timestampHeader };
        this.sender.skip(event, error.message);
      }
    }
  }

  stateDump() {
    this.catchUpWithClock();
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

  /** In Wave's format, payment events carry the date of the payment behind them (the invoice's last). */
  private invoiceEvent(options: DeliveryOptions, type: string, invoice: InvoiceRecord) {
    if (options.format === 'full') return this.fullEvent(options, type, 'invoice', invoiceView(this.state, invoice));
    const paidDate = isPaymentEvent(type) ? this.lastPaymentDate(invoice) : undefined;
    return this.waveEvent(options, type, invoiceEventData(invoice, paidDate));
  }

  private waveEvent(options: DeliveryOptions, type: string, data: Record<string, string>) {
    const { eventId, businessIdForm } = options;
    return waveEventBody({ eventId, type, business: this.state.business, businessIdForm, data });
  }

  private fullEvent(
    options: DeliveryOptions,
    type: string,
    resourceKey: 'invoice' | 'customer' | 'payment',
    resource: { id: string },
  ) {
    return eventBody({
      eventId: options.eventId,
      type,
      thin: options.thin,
      occurredAt: this.state.nowIso(),
      businessId: this.state.business.id,
      resourceKey,
      resource,
    });
  }

  private lastPaymentDate(invoice: InvoiceRecord): string | undefined {
    return this.state.payments
      .list()
      .filter((payment) => payment.invoiceId === invoice.id)
      .at(-1)?.paymentDate;
  }

  private async answer<T extends object>(answer: T, prepared: Parameters<WaveNotifier['send']>[0]) {
    const delivery = await this.notifier.send(prepared);
    return (delivery ? { ...answer, delivery } : answer) as WithDelivery<T>;
  }
}
