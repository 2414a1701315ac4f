import { token } from '@atlaskit/tokens';
import type { DeliveryOutcome } from '../../../../../src/entry/resolvers/api';

export const OUTCOMES: DeliveryOutcome[] = [
  'processed',
  'unchanged',
  'ignored',
  'duplicate',
  'stale',
  'gone',
  'rejected',
  'failed',
];

export const OUTCOME_LABEL: Record<DeliveryOutcome, string> = {
  processed: 'Processed',
  ignored: 'Ignored',
  duplicate: 'Duplicate',
  stale: 'Stale',
  unchanged: 'Unchanged',
  gone: 'Gone from Wave',
  rejected: 'Unreadable',
  failed: 'Failed',
};

export const OUTCOME_LOZENGE: Record<
  DeliveryOutcome,
  'success' | 'default' | 'inprogress' | 'moved' | 'removed' | 'new'
> = {
  processed: 'success',
  ignored: 'default',
  duplicate: 'inprogress',
  stale: 'new',
  unchanged: 'default',
  gone: 'default',
  rejected: 'moved',
  failed: 'removed',
};

/** Chart colours from the design tokens, so the chart follows light and dark themes. */
export const OUTCOME_COLOUR: Record<DeliveryOutcome, string> = {
  processed: token('color.chart.success.bold'),
  ignored: token('color.chart.neutral'),
  duplicate: token('color.chart.information'),
  stale: token('color.chart.discovery'),
  unchanged: token('color.chart.teal.bold'),
  gone: token('color.chart.gray.bold'),
  rejected: token('color.chart.warning.bold'),
  failed: token('color.chart.danger.bold'),
};
