import { z } from 'zod';
import type { CurrencyInfo } from './money';
import type { InvoiceItemRecord } from './records';
import { SandboxInputError, toMinor } from './sandbox-input';

const MAX_ITEMS = 200;
const QUANTITY = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/** `items` on POST /_sandbox/invoices: `[{description?, quantity, unitPrice}]`, decimals as strings or numbers. */
export const invoiceItemsInput = z
  .array(
    z.strictObject({
      description: z.string().nullable().optional(),
      quantity: z.union([z.string(), z.number()]),
      unitPrice: z.union([z.string(), z.number()]),
    }),
  )
  .max(MAX_ITEMS);
export type InvoiceItemsInput = z.infer<typeof invoiceItemsInput>;

/** The items as stored: quantity normalised, unit price and line subtotal in minor units (rounded half away from zero). */
export function itemRecords(items: InvoiceItemsInput, currency: CurrencyInfo): InvoiceItemRecord[] {
  return items.map((item, index) => {
    const where = `invoice.items.${index}`;
    const quantity = parseQuantity(String(item.quantity), `${where}.quantity`);
    const unitPriceRaw = toMinor(String(item.unitPrice), currency, `${where}.unitPrice`);
    const subtotal = multiply(quantity, unitPriceRaw);
    if (!Number.isSafeInteger(subtotal)) throw new SandboxInputError(`${where}: the line amount is too large`);
    return { description: item.description ?? null, quantity: quantity.text, unitPriceRaw, subtotalRaw: subtotal };
  });
}

export function itemsSubtotal(items: readonly InvoiceItemRecord[]): number {
  return items.reduce((sum, item) => sum + item.subtotalRaw, 0);
}

interface Quantity {
  text: string;
  digits: bigint;
  scale: bigint;
}

function parseQuantity(value: string, where: string): Quantity {
  const match = QUANTITY.exec(value.trim());
  if (!match)
    throw new SandboxInputError(`${where}: must be a decimal quantity like "1" or "1.5" (at most 6 decimals)`);
  const whole = BigInt(match[1] ?? '0');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const digits = BigInt(`${whole}${fraction}`);
  if (digits === 0n) throw new SandboxInputError(`${where}: must be more than zero`);
  return { text: fraction ? `${whole}.${fraction}` : `${whole}`, digits, scale: 10n ** BigInt(fraction.length) };
}

function multiply(quantity: Quantity, unitRaw: number): number {
  const product = quantity.digits * BigInt(unitRaw);
  const sign = product < 0n ? -1n : 1n;
  return Number((product * 2n + sign * quantity.scale) / (2n * quantity.scale));
}
