import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { lazy, StrictMode, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme } from '../../shared/theme';
import type { BillingCallName } from '../../../src/entry/resolvers/billing/api';
import { prefetchBilling } from './api/prefetch';
import { LoadingBlock, StartError } from './components/start-states';
import { loadViewContext, SiteUrl, type ViewContext, type ViewKind } from './view-context';

// Each frame loads only its own view, and starts its first call at once.
const VIEWS: Record<ViewKind, { load: () => Promise<{ default: ComponentType }>; firstCall: BillingCallName }> = {
  panel: { load: () => import('./panel/PanelView'), firstCall: 'getIssueBilling' },
  gadget: { load: () => import('./gadget/GadgetView'), firstCall: 'getReceivables' },
  'gadget-edit': { load: () => import('./gadget/GadgetEdit'), firstCall: 'getGadgetOptions' },
};

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  let context: ViewContext | undefined;
  try {
    context = await loadViewContext();
  } catch {
    context = undefined;
  }
  // The view's code, its data and the theme load side by side.
  const chosen = context ? VIEWS[context.kind] : undefined;
  if (chosen) prefetchBilling(chosen.firstCall);
  const loading = chosen?.load();
  const View = lazy(() => loading ?? VIEWS.panel.load());
  await applyTheme(context?.colorMode, { enableForgeTheme: () => view.theme.enable(), setGlobalTheme });
  root.render(
    <StrictMode>
      {context ? (
        <SiteUrl.Provider value={context.siteUrl}>
          <Suspense fallback={<LoadingBlock label="Loading" />}>
            <View />
          </Suspense>
        </SiteUrl.Provider>
      ) : (
        <StartError />
      )}
    </StrictMode>,
  );
}

void start();
