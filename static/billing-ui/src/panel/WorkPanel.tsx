import { Stack } from '@atlaskit/primitives';
import type { WorkPanelView } from '../../../../src/entry/resolvers/billing/api';
import { Block } from '../components/Block';
import { EmptyNote } from '../components/states';
import { InvoiceRows } from './InvoiceRows';

/** Work billed on invoices ("Billed on"); on other issues a one-line note. */
export function WorkPanel({ view }: { view: WorkPanelView }) {
  if (view.billedOn.length === 0)
    return (
      <EmptyNote title="Not billed in Wave" testId="not-billed">
        {`No Wave invoice you can see is linked to ${view.issueKey}. An invoice naming ${view.issueKey} in its memo, PO number, title or items is linked when it syncs.`}
      </EmptyNote>
    );
  return (
    <Stack space="space.100" testId="work-view">
      <Block title="Billed on">
        <InvoiceRows invoices={view.billedOn} showCustomer testId="billed-on" />
      </Block>
    </Stack>
  );
}
