import { Box, xcss } from '@atlaskit/primitives';
import { useBilling } from '../api/use-billing';
import { ErrorMessage, LoadingBlock } from '../components/states';
import { CustomerPanel } from './CustomerPanel';
import { InvoicePanel } from './InvoicePanel';
import { WorkPanel } from './WorkPanel';

const panelStyles = xcss({ paddingBlock: 'space.100', paddingInline: 'space.100' });

/** The invoice panel on an issue: an invoice, a customer's account, or the invoices that billed this work. */
export default function PanelView() {
  const { state, reload } = useBilling('getIssueBilling');
  return (
    <Box as="main" xcss={panelStyles} testId="invoice-panel">
      {state.status === 'loading' ? (
        <LoadingBlock label="Loading what Wave billed" />
      ) : state.status === 'error' ? (
        <ErrorMessage error={state.error} onRetry={() => void reload()} />
      ) : state.data.kind === 'invoice' ? (
        <InvoicePanel view={state.data} refreshing={state.refreshing} onChanged={() => void reload()} />
      ) : state.data.kind === 'customer' ? (
        <CustomerPanel view={state.data} />
      ) : (
        <WorkPanel view={state.data} />
      )}
    </Box>
  );
}
