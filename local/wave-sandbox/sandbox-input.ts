import { z } from 'zod';
import { currencyInfo, decimalToMinor, SUPPORTED_CURRENCIES, type CurrencyInfo } from './money';

/** Bad input to a /_sandbox endpoint or control method: answered with 400 and this message. */
export class SandboxInputError extends Error {
  override readonly name = 'SandboxInputError';
}

export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [where, ...(issue?.path ?? []).map(String)].filter((part) => part !== '').join('.');
  throw new SandboxInputError(`${path || 'body'}: ${issue?.message ?? 'is invalid'}`);
}

const decimal = z.union([z.string(), z.number()]);

/** An amount as a decimal ("1250.00"), a number, or Wave's Money (`value` required, `raw`/`currency` optional). */
export const moneyInput = z.union([
  decimal,
  z.object({
    value: decimal,
    raw: z.number().int().optional(),
    currency: z.object({ code: z.string(), symbol: z.string().optional() }).optional(),
  }),
]);
export type MoneyInput = z.infer<typeof moneyInput>;

export function currencyCodeOf(input: MoneyInput | undefined): string | undefined {
  return typeof input === 'object' ? input.currency?.code : undefined;
}

export function toMinor(input: MoneyInput, currency: CurrencyInfo, where: string): number {
  const value = typeof input === 'object' ? input.value : input;
  const raw = decimalToMinor(String(value), currency.exponent);
  if (raw === undefined) {
    throw new SandboxInputError(
      `${where}: must be a decimal amount in ${currency.code} with at most ${currency.exponent} decimals, like "1250.00"`,
    );
  }
  if (typeof input === 'object' && input.raw !== undefined && input.raw !== raw) {
    throw new SandboxInputError(`${where}: raw ${input.raw} does not match value ${String(value)}`);
  }
  return raw;
}

export const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time with a zone' });

/** The one currency of all amounts in the input, else the fallback. */
export function invoiceCurrency(amounts: Record<string, MoneyInput | undefined>, fallbackCode: string): CurrencyInfo {
  const codes = new Set(
    Object.values(amounts)
      .map(currencyCodeOf)
      .filter((code): code is string => code !== undefined),
  );
  if (codes.size > 1) throw new SandboxInputError('amounts: all amounts of an invoice must be in one currency');
  const code = [...codes][0] ?? fallbackCode;
  const currency = currencyInfo(code);
  if (!currency) throw new SandboxInputError(`currency.code: ${code} is not one of ${SUPPORTED_CURRENCIES.join(', ')}`);
  return currency;
}

export function amountIn(input: MoneyInput | undefined, currency: CurrencyInfo, where: string): number | undefined {
  return input === undefined ? undefined : toMinor(input, currency, where);
}

/** The given keys of input whose values are not undefined. */
export function definedFields<T extends object, K extends keyof T>(input: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}
