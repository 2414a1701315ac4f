/**
 * What a Wave invoice looks like in Jira: summary, ADF description (what the invoice is: it changes rarely, so a
 * person's notes next to it are not rewritten with every payment), app-owned fields and the indexed property
 * (the live figures), and Jira's own due date.
 */

import type { WaveInvoice } from '../wave-webhook/types';
import { adfDoc, adfFieldList, adfLink, adfParagraph, safeHttpUrl, type AdfDoc, type AdfField } from './adf';
import { toJiraDate } from './jira-time';
import { formatMoney, minorToNumber, moneyToMinor } from './money';
import { descriptionValue, JIRA_SINGLE_LINE_MAX, jiraSingleLine, singleLine } from './text';
import type { FieldValues, WaveLinkProperty } from './types';

/** "Invoice 1042 · Acme Consulting Ltd"; without customer "Invoice 1042". */
export function invoiceSummary(invoice: Pick<WaveInvoice, 'invoiceNumber' | 'customer'>): string {
  const head = singleLine(`Invoice ${singleLine(invoice.invoiceNumber)}`);
  const customer = singleLine(invoice.customer?.name);
  return jiraSingleLine(customer === '' ? head : `${head} · ${customer}`);
}

export function invoiceDescription(invoice: WaveInvoice): AdfDoc {
  const currency = invoice.total.currency.code;
  const fields: AdfField[] = [];
  const title = descriptionValue(invoice.title);
  if (title !== '') fields.push({ label: 'Title', value: title });
  fields.push(
    { label: 'Invoice number', value: descriptionValue(invoice.invoiceNumber) },
    { label: 'Customer', value: descriptionValue(invoice.customer?.name) || '(none)' },
    { label: 'Total', value: formatAmount(moneyToMinor(invoice.total), currency) },
    { label: 'Due date', value: toJiraDate(invoice.dueDate) ?? '(none)' },
  );
  const blocks: AdfDoc['content'] = [adfFieldList(fields)];
  const link = waveLink(invoice.viewUrl);
  if (link !== null) blocks.push(adfParagraph(adfLink('View the invoice in Wave', link)));
  return adfDoc(blocks);
}

/** Wave's own hosts: a link the app writes into Jira points there or nowhere. */
const WAVE_HOST = /(^|\.)waveapps\.com$/i;

/** The invoice's link to Wave, or null when it is none or points outside waveapps.com (a link Wave never makes). */
export function waveLink(href: string | null | undefined): string | null {
  const url = safeHttpUrl(href);
  if (url === null) return null;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' && WAVE_HOST.test(hostname) ? url : null;
}

export function invoiceFieldValues(invoice: WaveInvoice): FieldValues {
  const figures = invoiceFigures(invoice);
  const link = waveLink(invoice.viewUrl);
  return {
    'wave-invoice-number': jiraSingleLine(invoice.invoiceNumber),
    'wave-customer': jiraSingleLine(invoice.customer?.name) || null,
    'wave-amount': figures.total,
    'wave-amount-due': figures.amountDue,
    'wave-amount-paid': figures.amountPaid,
    'wave-currency': jiraSingleLine(figures.currency),
    'wave-status': jiraSingleLine(invoice.status),
    'wave-due-date': toJiraDate(invoice.dueDate),
    // A cut URL would be a wrong link: better none.
    'wave-link': link !== null && link.length <= JIRA_SINGLE_LINE_MAX ? link : null,
    'wave-id': invoice.id,
  };
}

/** The invoice's figures as decimal numbers in its currency. */
function invoiceFigures(invoice: WaveInvoice) {
  const currency = invoice.total.currency.code;
  const decimal = (minor: number | null) => (minor === null ? null : minorToNumber(minor, currency));
  return {
    currency,
    total: decimal(moneyToMinor(invoice.total)),
    amountDue: decimal(amountDueMinor(invoice)),
    amountPaid: decimal(moneyToMinor(invoice.amountPaid)),
  };
}

/** Jira's own fields the app keeps: the due date. */
export function invoiceJiraFields(invoice: WaveInvoice): Record<string, string | null> {
  return { duedate: toJiraDate(invoice.dueDate) };
}

/** The indexed property: the invoice's id and figures, for JQL (`waveStatus`, `waveAmountDue`, …). */
export function invoiceProperty(invoice: WaveInvoice, businessId: string): WaveLinkProperty {
  const figures = invoiceFigures(invoice);
  return {
    waveId: invoice.id,
    kind: 'invoice',
    businessId,
    invoiceNumber: jiraSingleLine(invoice.invoiceNumber),
    status: jiraSingleLine(invoice.status),
    total: figures.total,
    amountDue: figures.amountDue,
    amountPaid: figures.amountPaid,
    currency: figures.currency,
    dueDate: toJiraDate(invoice.dueDate),
    customerId: invoice.customer?.id ?? null,
    customerName: jiraSingleLine(invoice.customer?.name) || null,
  };
}

/** Wave's amountDue, or total − paid (never below zero) when Wave leaves it out. */
function amountDueMinor(invoice: WaveInvoice): number | null {
  if (invoice.amountDue) return moneyToMinor(invoice.amountDue);
  const total = moneyToMinor(invoice.total);
  const paid = moneyToMinor(invoice.amountPaid);
  return total === null || paid === null ? null : Math.max(total - paid, 0);
}

function formatAmount(minor: number | null, currency: string): string {
  return minor === null ? '(unknown)' : formatMoney(minor, currency);
}
