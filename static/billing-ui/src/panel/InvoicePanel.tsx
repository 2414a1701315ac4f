import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { InvoicePanelView } from '../../../../src/entry/resolvers/billing/api';
import { Block } from '../components/Block';
import { ExternalLink } from '../components/ExternalLink';
import { IssueLink } from '../components/IssueLink';
import { OverdueLozenge, WaveStatusLozenge } from '../components/StatusLozenge';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { LinkedIssues } from './LinkedIssues';
import { PaidProgress } from './PaidProgress';
import { PaymentTimeline } from './PaymentTimeline';
import { PdfButton } from './PdfButton';
import { ResyncAction } from './ResyncAction';

/** A billing issue: the invoice's figures, due date, payments, links, and when it last synced. */
export function InvoicePanel({
  view,
  refreshing,
  onChanged,
}: {
  view: InvoicePanelView;
  refreshing: boolean;
  onChanged: () => void;
}) {
  return (
    <Stack space="space.200" testId="invoice-view" aria-busy={refreshing}>
      <Stack space="space.050">
        <Inline spread="space-between" alignBlock="center" space="space.100">
          <Heading size="xsmall" as="h2">
            Invoice {view.invoiceNumber}
          </Heading>
          <WaveStatusLozenge status={view.deleted ? 'DELETED' : view.status} />
        </Inline>
        <Text size="small" color="color.text.subtle">
          {view.customerName ?? 'No customer'}
          {view.customerIssue ? (
            <>
              {' · account '}
              <IssueLink issueKey={view.customerIssue.key} />
            </>
          ) : null}
        </Text>
      </Stack>
      {view.deleted ? (
        <SectionMessage appearance="warning" testId="deleted">
          <Text as="p">Wave deleted this invoice. The issue stays for the record; nothing is owed on it.</Text>
        </SectionMessage>
      ) : null}
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="baseline">
          <Text color="color.text.subtle">Total</Text>
          <Text weight="bold" size="large" testId="total">
            {formatMoney(view.totalMinor, view.currency)}
          </Text>
        </Inline>
        <PaidProgress
          currency={view.currency}
          totalMinor={view.totalMinor}
          paidMinor={view.paidMinor}
          dueMinor={view.dueMinor}
        />
      </Stack>
      <Inline spread="space-between" alignBlock="center" space="space.100" shouldWrap>
        <Text size="small">
          Due date <Text weight="semibold">{view.dueDate ? formatDate(view.dueDate) : 'none'}</Text>
        </Text>
        <OverdueLozenge days={view.deleted ? null : view.daysPastDue} />
      </Inline>
      <Inline space="space.150" alignBlock="center">
        {view.viewUrl ? (
          <ExternalLink href={view.viewUrl} testId="open-in-wave">
            Open in Wave ↗
          </ExternalLink>
        ) : null}
        <PdfButton />
      </Inline>
      <Block title="Payments">
        <PaymentTimeline payments={view.payments} note={view.paymentsNote} />
      </Block>
      <Block title="Linked work" testId="linked-work">
        {view.work.length > 0 ? (
          <LinkedIssues issues={view.work} />
        ) : (
          <Text size="small" color="color.text.subtle">
            No work issue is linked. Issue keys written in the invoice's memo, PO number, title or items are linked here
            when it syncs.
          </Text>
        )}
      </Block>
      <Stack space="space.100">
        <Text size="small" color="color.text.subtlest" testId="last-sync">
          {view.waveModifiedAt
            ? `In sync with Wave's change of ${formatDateTime(view.waveModifiedAt)}`
            : 'The app has no sync record of this invoice yet.'}
        </Text>
        {view.canResync ? <ResyncAction onChanged={onChanged} /> : null}
      </Stack>
    </Stack>
  );
}
