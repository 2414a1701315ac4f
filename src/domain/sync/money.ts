/** Money as integer minor units: never floats for arithmetic. */

import type { Money } from '../wave-webhook/types';
import { ownValue } from '../../shared/own';

// ISO 4217 minor-unit exponents that differ from the usual 2.
// prettier-ignore
const EXPONENT_BY_CURRENCY: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function currencyExponent(currencyCode: string): number {
  return ownValue(EXPONENT_BY_CURRENCY, currencyCode.toUpperCase()) ?? 2;
}

/** Wave's `raw` is already in minor units; `value` (decimal string) is the fallback when `raw` is unusable. */
export function moneyToMinor(money: Money): number | null {
  if (Number.isSafeInteger(money.raw)) return money.raw;
  return decimalToMinor(money.value, currencyExponent(money.currency.code));
}

/** "1250.5" with exponent 2 → 125050. Null when not a plain decimal or more fractional digits than the currency has. */
export function decimalToMinor(value: string, exponent: number): number | null {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) return null;
  const minor = Number(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  if (!Number.isSafeInteger(minor)) return null;
  return sign ? -minor : minor;
}

/** 125050, exponent 2 → "1250.50" (no grouping: for machines). */
export function minorToDecimal(minor: number, exponent: number): string {
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const sign = minor < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** The number Jira's number field stores (display only; arithmetic stays on minor units). */
export function minorToNumber(minor: number, currencyCode: string): number {
  return Number(minorToDecimal(minor, currencyExponent(currencyCode)));
}

/** 125050, "USD" → "USD 1,250.50"; 1250, "JPY" → "JPY 1,250"; 1250, "KWD" → "KWD 1.250". */
export function formatMoney(minor: number, currencyCode: string): string {
  const decimal = minorToDecimal(minor, currencyExponent(currencyCode));
  const [whole = '', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currencyCode} ${fraction === undefined ? grouped : `${grouped}.${fraction}`}`;
}
