/** Money and dates as people read them, in the browser's locale. Amounts arrive as integer minor units. */

const fractionDigits = new Map<string, number>();

function digitsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    } catch {
      digits = 2;
    }
    fractionDigits.set(currency, digits ?? 2);
  }
  return digits ?? 2;
}

/** 125050, "USD" → "$1,250.50" (or "USD 1,250.50" where the browser does not know the currency). */
export function formatMoney(minor: number, currency: string): string {
  const digits = digitsOf(currency);
  const amount = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
  } catch {
    return `${currency} ${amount.toFixed(digits)}`;
  }
}

/** A short amount for chart labels: "USD 12.3K". */
export function formatMoneyShort(minor: number, currency: string): string {
  const amount = minor / 10 ** digitsOf(currency);
  const short = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(amount);
  return `${currency} ${short}`;
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2027-01-12" → "Jan 12, 2027" (a calendar date: no time zone shift). */
export function formatDate(date: string): string {
  const epoch = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(epoch) ? date : DATE.format(epoch);
}

/** An ISO timestamp → date and time in the viewer's time zone. */
export function formatDateTime(iso: string): string {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(epoch);
}

/** "2026-11" → "November 2026". */
export function formatMonth(month: string): string {
  const epoch = Date.parse(`${month}-01T00:00:00Z`);
  return Number.isNaN(epoch)
    ? month
    : new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(epoch);
}

export const plural = (count: number, one: string, many: string = `${one}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;
