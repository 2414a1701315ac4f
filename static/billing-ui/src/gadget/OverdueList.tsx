import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import Lozenge from '@atlaskit/lozenge';
import type { ReceivablesView } from '../../../../src/entry/resolvers/billing/api';
import { IssueLink } from '../components/IssueLink';
import { formatMoney, plural } from '../format';

const list = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
const row = xcss({
  paddingBlock: 'space.075',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});

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
      <Box as="ul" xcss={list} testId="overdue-list">
        {overdue.invoices.map((invoice) => (
          <Box as="li" key={invoice.issueKey} xcss={row} testId="overdue-invoice">
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
