/** Amounts as integer minor units of their currency: never floats for arithmetic. */

import { currencyExponent } from '../sync';

/** The indexed property's decimal number (`1250.5` USD) as minor units (`125050`); null when it is no amount. */
export function amountToMinor(value: unknown, currency: string): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const minor = Math.round(value * 10 ** currencyExponent(currency));
  return Number.isSafeInteger(minor) ? minor : null;
}
