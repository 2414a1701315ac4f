import type { Money } from '../../src/domain/wave-webhook';

export interface CurrencyInfo {
  code: string;
  symbol: string;
  name: string;
  plural: string;
  exponent: number;
}

const CURRENCIES: Record<string, CurrencyInfo> = {
  USD: { code: 'USD', symbol: '$', name: 'United States dollar', plural: 'United States dollars', exponent: 2 },
  CAD: { code: 'CAD', symbol: '$', name: 'Canadian dollar', plural: 'Canadian dollars', exponent: 2 },
  EUR: { code: 'EUR', symbol: '€', name: 'Euro', plural: 'Euros', exponent: 2 },
  GBP: { code: 'GBP', symbol: '£', name: 'Pound sterling', plural: 'Pounds sterling', exponent: 2 },
  AUD: { code: 'AUD', symbol: '$', name: 'Australian dollar', plural: 'Australian dollars', exponent: 2 },
  JPY: { code: 'JPY', symbol: '¥', name: 'Japanese yen', plural: 'Japanese yen', exponent: 0 },
};

export const SUPPORTED_CURRENCIES = Object.keys(CURRENCIES);

export function currencyInfo(code: string): CurrencyInfo | undefined {
  return CURRENCIES[code];
}

/** "1250.5" -> 125050 (USD). String arithmetic: no float rounding. Undefined when not representable. */
export function decimalToMinor(value: string, exponent: number): number | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return undefined;
  const [, sign = '', whole = '0', fraction = ''] = match;
  if (fraction.length > exponent && /[^0]/.test(fraction.slice(exponent))) return undefined;
  const minor = Number(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
  if (!Number.isSafeInteger(minor)) return undefined;
  return sign === '-' ? -minor : minor;
}

/** 125050 -> "1250.50" (USD). */
export function minorToDecimal(raw: number, exponent: number): string {
  const digits = Math.abs(raw)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(-exponent)}` : '';
  return `${raw < 0 ? '-' : ''}${whole}${fraction}`;
}

export function money(raw: number, currency: CurrencyInfo): Money {
  return {
    value: minorToDecimal(raw, currency.exponent),
    raw,
    currency: { code: currency.code, symbol: currency.symbol },
  };
}
