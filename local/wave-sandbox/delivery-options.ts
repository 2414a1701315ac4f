import { z } from 'zod';
import type { HeaderOptions } from './delivery-headers';
import { SandboxInputError } from './sandbox-input';
import type { BusinessIdForm } from './wave-format';
import type { WebhookFormat } from './webhook-sender';

/** The delivery fields a /_sandbox call may carry next to the resource it changes. */
export const deliveryFields = {
  deliver: z.boolean().optional(),
  /** Forces the event type (any string); otherwise the type follows from the change. */
  event: z.string().min(1).optional(),
  eventId: z.string().min(1).optional(),
  format: z.enum(['wave', 'full']).optional(),
  /** format "full" only: the resource's id alone. */
  thin: z.boolean().optional(),
  /** format "wave" only (default uuid). */
  businessIdForm: z.enum(['uuid', 'global']).optional(),
  signature: z.enum(['timestamped', 'bare']).optional(),
  /** Default: true in Wave's format, false in the full format (which never had it). */
  timestampHeader: z.boolean().optional(),
};

type DeliveryFields = { [K in keyof typeof deliveryFields]?: z.infer<(typeof deliveryFields)[K]> };

export interface DeliveryOptions extends HeaderOptions {
  deliver: boolean;
  event?: string;
  eventId?: string;
  format: WebhookFormat;
  thin: boolean;
  businessIdForm: BusinessIdForm;
}

/** Defaults filled in; options that belong to the other format are refused (nothing is written). */
export function deliveryOptions(fields: DeliveryFields): DeliveryOptions {
  const format = fields.format ?? 'wave';
  if (format === 'wave' && fields.thin !== undefined)
    throw new SandboxInputError('thin: only the full format ("format": "full") has thin events');
  if (format === 'full' && fields.businessIdForm !== undefined)
    throw new SandboxInputError(
      "businessIdForm: only Wave's format carries business_id; the full format sends businessId",
    );
  return {
    deliver: fields.deliver ?? false,
    event: fields.event,
    eventId: fields.eventId,
    format,
    thin: fields.thin ?? false,
    businessIdForm: fields.businessIdForm ?? 'uuid',
    signature: fields.signature ?? 'timestamped',
    timestampHeader: fields.timestampHeader ?? format === 'wave',
  };
}

/** Options for what Wave sends by itself (an invoice falling overdue). */
export const WAVE_DEFAULTS: DeliveryOptions = deliveryOptions({ deliver: true });
