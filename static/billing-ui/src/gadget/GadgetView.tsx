import { Box, xcss } from '@atlaskit/primitives';
import { useBilling } from '../api/use-billing';
import { ErrorMessage, LoadingBlock } from '../components/states';
import { Receivables } from './Receivables';

const gadgetStyles = xcss({ padding: 'space.150' });

/** The receivables gadget's view (Jira reloads it on Refresh and on its auto-refresh). */
export default function GadgetView() {
  const { state, reload } = useBilling('getReceivables');
  return (
    <Box as="main" xcss={gadgetStyles} testId="receivables-gadget">
      {state.status === 'loading' ? (
        <LoadingBlock label="Loading receivables" />
      ) : state.status === 'error' ? (
        <ErrorMessage error={state.error} onRetry={() => void reload()} />
      ) : (
        <Receivables view={state.data} />
      )}
    </Box>
  );
}
