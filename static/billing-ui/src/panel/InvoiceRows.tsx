import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { InvoiceSummaryView } from '../../../../src/entry/resolvers/billing/api';
import { IssueLink } from '../components/IssueLink';
import { OverdueLozenge, WaveStatusLozenge } from '../components/StatusLozenge';
import { formatDate, formatMoney } from '../format';

const list = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
const row = xcss({
  paddingBlock: 'space.075',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});

/** Invoices as a list: number (a link to its issue), status, amounts, due date. */
export function InvoiceRows({
  invoices,
  showCustomer,
  testId,
}: {
  invoices: InvoiceSummaryView[];
  showCustomer: boolean;
  testId?: string;
}) {
  return (
    <Box as="ul" xcss={list} testId={testId}>
      {invoices.map((invoice) => (
        <Box as="li" key={invoice.issueKey} xcss={row} testId="invoice-row">
          <Stack space="space.025">
            <Inline spread="space-between" alignBlock="center" space="space.100">
              <Text size="small" weight="semibold">
                <IssueLink issueKey={invoice.issueKey}>Invoice {invoice.invoiceNumber}</IssueLink>
                {showCustomer && invoice.customerName ? ` · ${invoice.customerName}` : ''}
              </Text>
              <WaveStatusLozenge status={invoice.status} />
            </Inline>
            <Inline spread="space-between" alignBlock="center" space="space.100" shouldWrap>
              <Text size="small" color="color.text.subtle">
                {formatMoney(invoice.totalMinor, invoice.currency)}
                {invoice.dueMinor > 0 ? ` · ${formatMoney(invoice.dueMinor, invoice.currency)} due` : ' · paid'}
                {invoice.dueDate ? ` · ${formatDate(invoice.dueDate)}` : ''}
              </Text>
              <OverdueLozenge days={invoice.daysPastDue} />
            </Inline>
          </Stack>
        </Box>
      ))}
    </Box>
  );
}
