import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { PaymentView } from '../../../../src/entry/resolvers/billing/api';
import { plainList } from '../components/list-styles';
import { formatDate, formatMoney } from '../format';

const entry = xcss({
  borderInlineStartWidth: 'border.width.selected',
  borderInlineStartStyle: 'solid',
  borderInlineStartColor: 'color.border.success',
  paddingInlineStart: 'space.100',
  marginBlockEnd: 'space.075',
});

/** The payments the app recorded, oldest first: date, amount, method. */
export function PaymentTimeline({ payments, note }: { payments: PaymentView[]; note?: string }) {
  return (
    <Stack space="space.075" testId="payments">
      {payments.length === 0 ? (
        <Text size="small" color="color.text.subtle">
          No payment recorded yet. Each payment Wave reports appears here, and on the issue's work log.
        </Text>
      ) : (
        <Box as="ul" xcss={plainList}>
          {payments.map((payment, index) => (
            <Box as="li" key={`${payment.date}-${index}`} xcss={entry} testId="payment">
              <Inline spread="space-between" space="space.100" shouldWrap>
                <Text size="small" color="color.text.subtle">
                  {formatDate(payment.date)}
                </Text>
                <Text size="small" weight="semibold">
                  {formatMoney(payment.amountMinor, payment.currency)}
                </Text>
              </Inline>
              {payment.method ? (
                <Text size="small" color="color.text.subtle">
                  {payment.method}
                </Text>
              ) : null}
            </Box>
          ))}
        </Box>
      )}
      {note ? (
        <Text size="small" color="color.text.subtlest" testId="payments-note">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}
