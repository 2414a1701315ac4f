import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { InvoiceSummaryView } from '../../../../src/entry/resolvers/billing/api';
import { IssueLink } from '../components/IssueLink';
import { dividedRow, plainList } from '../components/list-styles';
import { OverdueLozenge, WaveStatusLozenge } from '../components/StatusLozenge';
import { formatDate, formatMoney } from '../format';

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
    <Box as="ul" xcss={plainList} testId={testId}>
      {invoices.map((invoice) => (
        <Box as="li" key={invoice.issueKey} xcss={dividedRow} testId="invoice-row">
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
