import { Stack } from '@atlaskit/primitives';
import { useResolver } from '../../api/use-resolver';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { BackfillCard } from './BackfillCard';
import { DefaultsForm } from './DefaultsForm';

/** Defaults: where invoices go, as which issue types, and what the sync does besides; then the import of older invoices. */
export function DefaultsSection({
  onSaved,
  backfillStarts,
}: {
  onSaved: () => void;
  /** Counts imports started elsewhere on the page (the first-run offer): the import card reads its progress anew. */
  backfillStarts: number;
}) {
  const { state, reload, replace } = useResolver('getDefaults');
  let defaults;
  if (state.status === 'loading') defaults = <LoadingBlock label="Loading the defaults" minHeight="28rem" />;
  else if (!state.data)
    defaults = state.status === 'error' ? <ErrorMessage error={state.error} onRetry={() => void reload()} /> : null;
  else
    defaults = (
      // Not re-created on save: the form keeps what was just saved, and its note saying so.
      <DefaultsForm
        defaults={state.data}
        onSaved={(saved) => {
          replace(saved);
          onSaved();
        }}
      />
    );
  return (
    <Stack space="space.300">
      {defaults}
      <BackfillCard key={backfillStarts} />
    </Stack>
  );
}
