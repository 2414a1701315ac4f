/** What a Wave customer looks like in Jira: the account issue's summary, ADF description, field values. */

import type { WaveCustomer } from '../wave-webhook/types';
import { adfDoc, adfFieldList, type AdfDoc, type AdfField } from './adf';
import { descriptionValue, jiraSingleLine, singleLine } from './text';
import type { FieldValues } from './types';

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

export function customerFieldValues(customer: WaveCustomer): FieldValues {
  return {
    'wave-customer': jiraSingleLine(customer.name) || null,
    'wave-id': customer.id,
  };
}
