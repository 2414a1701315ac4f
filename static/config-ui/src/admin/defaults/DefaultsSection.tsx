import { Stack } from '@atlaskit/primitives';
import { useResolver } from '../../api/use-resolver';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { BackfillCard } from './BackfillCard';
import { DefaultsForm } from './DefaultsForm';

/** Defaults: where invoices go, as which issue types, and what the sync does besides; then the import of older invoices. */
export function DefaultsSection() {
  const { state, reload, replace } = useResolver('getDefaults');
  let defaults;
  if (state.status === 'loading') defaults = <LoadingBlock label="Loading the defaults" minHeight="28rem" />;
  else if (!state.data)
    defaults = state.status === 'error' ? <ErrorMessage error={state.error} onRetry={() => void reload()} /> : null;
  else defaults = <DefaultsForm key={JSON.stringify(state.data)} defaults={state.data} onSaved={replace} />;
  return (
    <Stack space="space.300">
      {defaults}
      <BackfillCard />
    </Stack>
  );
}
