import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CurrencyReceivablesView } from '../../../../src/entry/resolvers/billing/api';
import { formatMoney, plural } from '../format';

const card = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
  minWidth: '12rem',
  flexGrow: 1,
});

/** One card per currency: outstanding and overdue (never added across currencies). */
export function CurrencyTotals({ currencies }: { currencies: CurrencyReceivablesView[] }) {
  return (
    <Inline space="space.100" shouldWrap testId="currency-totals">
      {currencies.map((row) => (
        <Box key={row.currency} xcss={card} testId={`currency-${row.currency}`}>
          <Stack space="space.050">
            <Text size="small" weight="semibold" color="color.text.subtle">
              {row.currency}
            </Text>
            <Text size="large" weight="bold" testId="outstanding">
              {formatMoney(row.outstandingMinor, row.currency)}
            </Text>
            <Text size="small" color="color.text.subtle">
              outstanding on {plural(row.openCount, 'invoice')}
            </Text>
            <Text
              size="small"
              weight="semibold"
              color={row.overdueMinor > 0 ? 'color.text.danger' : 'color.text.subtle'}
              testId="overdue"
            >
              {formatMoney(row.overdueMinor, row.currency)} overdue ({plural(row.overdueCount, 'invoice')})
            </Text>
          </Stack>
        </Box>
      ))}
    </Inline>
  );
}
