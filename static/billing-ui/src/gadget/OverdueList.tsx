import { Box, Inline, Text } from '@atlaskit/primitives';
import Lozenge from '@atlaskit/lozenge';
import type { ReceivablesView } from '../../../../src/entry/resolvers/billing/api';
import { IssueLink } from '../components/IssueLink';
import { dividedRow, plainList } from '../components/list-styles';
import { formatMoney, plural } from '../format';

/** The most overdue invoices, each a link to its issue. */
export function OverdueList({ overdue }: { overdue: ReceivablesView['overdue'] }) {
  if (overdue.count === 0)
    return (
      <Text size="small" color="color.text.subtle">
        No invoice is past its due date.
      </Text>
    );
  return (
    <>
      <Box as="ul" xcss={plainList} testId="overdue-list">
        {overdue.invoices.map((invoice) => (
          <Box as="li" key={invoice.issueKey} xcss={dividedRow} testId="overdue-invoice">
            <Inline spread="space-between" alignBlock="center" space="space.100">
              <Text size="small">
                <IssueLink issueKey={invoice.issueKey}>Invoice {invoice.invoiceNumber}</IssueLink>
                {invoice.customerName ? ` · ${invoice.customerName}` : ''}
              </Text>
              <Inline space="space.100" alignBlock="center">
                <Text size="small" weight="semibold">
                  {formatMoney(invoice.dueMinor, invoice.currency)}
                </Text>
                <Lozenge appearance="removed">{`${plural(invoice.daysPastDue, 'day')} late`}</Lozenge>
              </Inline>
            </Inline>
          </Box>
        ))}
      </Box>
      {overdue.count > overdue.invoices.length ? (
        <Text size="small" color="color.text.subtlest">
          and {plural(overdue.count - overdue.invoices.length, 'more overdue invoice')}
        </Text>
      ) : null}
    </>
  );
}
