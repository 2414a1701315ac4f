/**
 * What a Wave customer looks like in Jira: the account issue's summary, ADF description, app-owned fields (its name,
 * what it owes and what is past due) and the indexed property.
 */

import type { Money, WaveCustomer } from '../wave-webhook/types';
import { adfDoc, adfFieldList, type AdfDoc, type AdfField } from './adf';
import type { IssueContent } from './content-diff';
import { minorToNumber, moneyToMinor } from './money';
import { descriptionValue, jiraSingleLine, singleLine } from './text';
import type { FieldValues, WaveLinkProperty } from './types';

/** "Customer · Acme Consulting Ltd". */
export function customerSummary(customer: Pick<WaveCustomer, 'name'>): string {
  const name = singleLine(customer.name);
  return jiraSingleLine(name === '' ? 'Customer' : `Customer · ${name}`);
}

export function customerDescription(customer: WaveCustomer): AdfDoc {
  const contact = descriptionValue(`${singleLine(customer.firstName)} ${singleLine(customer.lastName)}`);
  const fields: AdfField[] = [
    { label: 'Name', value: descriptionValue(customer.name) || '(none)' },
    { label: 'Email', value: descriptionValue(customer.email) || '(none)' },
  ];
  if (contact !== '') fields.push({ label: 'Contact', value: contact });
  const displayId = descriptionValue(customer.displayId);
  if (displayId !== '') fields.push({ label: 'Customer number', value: displayId });
  return adfDoc([adfFieldList(fields)]);
}

const decimal = (money: Money | null | undefined): number | null => {
  const minor = money ? moneyToMinor(money) : null;
  return minor === null || !money ? null : minorToNumber(minor, money.currency.code);
};

/** Totals only when Wave reported them (a customer from the full envelope may carry none). */
function totals(customer: WaveCustomer): { outstanding?: number | null; overdue?: number | null; currency?: string } {
  if (customer.outstandingAmount === undefined && customer.overdueAmount === undefined) return {};
  const currency = customer.outstandingAmount?.currency.code ?? customer.overdueAmount?.currency.code;
  return {
    outstanding: decimal(customer.outstandingAmount),
    overdue: decimal(customer.overdueAmount),
    ...(currency ? { currency } : {}),
  };
}

export function customerFieldValues(customer: WaveCustomer): FieldValues {
  const { outstanding, overdue, currency } = totals(customer);
  return {
    'wave-customer': jiraSingleLine(customer.name) || null,
    'wave-id': customer.id,
    ...(outstanding !== undefined ? { 'wave-outstanding': outstanding } : {}),
    ...(overdue !== undefined ? { 'wave-overdue': overdue } : {}),
    ...(currency ? { 'wave-currency': currency } : {}),
  };
}

export function customerProperty(customer: WaveCustomer, businessId: string): WaveLinkProperty {
  return {
    waveId: customer.id,
    kind: 'customer',
    businessId,
    customerName: jiraSingleLine(customer.name),
    ...totals(customer),
  };
}

export function customerContent(customer: WaveCustomer, businessId: string): IssueContent {
  return {
    summary: customerSummary(customer),
    description: customerDescription(customer),
    fields: customerFieldValues(customer),
    jiraFields: {},
    property: customerProperty(customer, businessId),
  };
}
