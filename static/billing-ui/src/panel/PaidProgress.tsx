import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { formatMoney } from '../format';

const track = xcss({
  height: '8px',
  borderRadius: 'radius.full',
  backgroundColor: 'color.background.neutral',
  overflow: 'hidden',
});
const fill = xcss({ height: '100%', borderRadius: 'radius.full', backgroundColor: 'color.background.success.bold' });

/** How much of the total is paid: a bar, and paid / due in words. */
export function PaidProgress({
  currency,
  totalMinor,
  paidMinor,
  dueMinor,
}: {
  currency: string;
  totalMinor: number;
  paidMinor: number;
  dueMinor: number;
}) {
  const share = totalMinor > 0 ? Math.min(1, Math.max(0, paidMinor / totalMinor)) : dueMinor === 0 ? 1 : 0;
  const percent = Math.round(share * 100);
  return (
    <Stack space="space.050">
      <Box
        xcss={track}
        role="progressbar"
        aria-label="Paid"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% paid`}
        testId="paid-progress"
      >
        <Box xcss={fill} style={{ width: `${percent}%` }} />
      </Box>
      <Inline spread="space-between" space="space.100" shouldWrap>
        <Text size="small">
          Paid <Text weight="semibold">{formatMoney(paidMinor, currency)}</Text>
        </Text>
        <Text size="small">
          Due <Text weight="semibold">{formatMoney(dueMinor, currency)}</Text>
        </Text>
      </Inline>
    </Stack>
  );
}
