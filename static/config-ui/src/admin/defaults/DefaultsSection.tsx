import { useResolver } from '../../api/use-resolver';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { DefaultsForm } from './DefaultsForm';

/** Defaults: where invoices go, as which issue types, and what the sync does besides. */
export function DefaultsSection() {
  const { state, reload, replace } = useResolver('getDefaults');
  if (state.status === 'loading') return <LoadingBlock label="Loading the defaults" minHeight="28rem" />;
  if (!state.data) return state.status === 'error' ? <ErrorMessage error={state.error} onRetry={() => void reload()} /> : null;
  return <DefaultsForm key={JSON.stringify(state.data)} defaults={state.data} onSaved={replace} />;
}
