import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { CustomerPanelView } from '../../../../src/entry/resolvers/billing/api';
import { Block } from '../components/Block';
import { EmptyNote } from '../components/states';
import { formatMoney, plural } from '../format';
import { InvoiceRows } from './InvoiceRows';

/** A customer's account issue: what it owes per currency, and its invoices. */
export function CustomerPanel({ view }: { view: CustomerPanelView }) {
  return (
    <Stack space="space.200" testId="customer-view">
      <Stack space="space.050">
        <Heading size="xsmall" as="h2">
          {view.name ?? 'Customer'}
        </Heading>
        <Text size="small" color="color.text.subtle">
          Customer account in Wave
        </Text>
      </Stack>
      <Block title="Owed" testId="customer-totals">
        {view.totals.length === 0 ? (
          <Text size="small" color="color.text.subtle">
            Nothing is owed on the invoices you can see.
          </Text>
        ) : (
          view.totals.map((row) => (
            <Stack key={row.currency} space="space.025" testId="currency-total">
              <Inline spread="space-between" alignBlock="baseline">
                <Text size="small">Outstanding ({plural(row.openCount, 'invoice')})</Text>
                <Text weight="bold">{formatMoney(row.outstandingMinor, row.currency)}</Text>
              </Inline>
              <Inline spread="space-between" alignBlock="baseline">
                <Text size="small">Overdue ({plural(row.overdueCount, 'invoice')})</Text>
                <Text weight="semibold" color={row.overdueMinor > 0 ? 'color.text.danger' : 'color.text'}>
                  {formatMoney(row.overdueMinor, row.currency)}
                </Text>
              </Inline>
            </Stack>
          ))
        )}
      </Block>
      <Block title="Invoices">
        {view.invoices.length === 0 ? (
          <EmptyNote title="No invoice you can see">
            Invoices of this customer appear here once they sync, in the projects you may browse.
          </EmptyNote>
        ) : (
          <InvoiceRows invoices={view.invoices} showCustomer={false} testId="customer-invoices" />
        )}
        {view.truncated ? (
          <Text size="small" color="color.text.subtlest">
            Showing the {view.invoices.length} invoices with the latest due dates.
          </Text>
        ) : null}
      </Block>
    </Stack>
  );
}
