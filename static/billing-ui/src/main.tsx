import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { LoadingBlock, StartError } from './components/states';
import { loadViewContext, SiteUrl, type ViewContext } from './view-context';

// Each frame loads only its own view.
const PanelView = lazy(() => import('./panel/PanelView'));
const GadgetView = lazy(() => import('./gadget/GadgetView'));
const GadgetEdit = lazy(() => import('./gadget/GadgetEdit'));

/** Follows Jira's light or dark theme (Forge applies it; the tokens' own loader covers the local stack). */
async function applyTheme(context: ViewContext | undefined): Promise<void> {
  await view.theme.enable().catch(() => undefined);
  await setGlobalTheme({
    colorMode: context?.colorMode ?? 'auto',
    light: 'light',
    dark: 'dark',
    spacing: 'spacing',
    typography: 'typography',
  }).catch(() => undefined);
}

function View({ context }: { context: ViewContext }) {
  if (context.kind === 'gadget') return <GadgetView />;
  if (context.kind === 'gadget-edit') return <GadgetEdit />;
  return <PanelView />;
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  let context: ViewContext | undefined;
  try {
    context = await loadViewContext();
  } catch {
    context = undefined;
  }
  await applyTheme(context);
  root.render(
    <StrictMode>
      {context ? (
        <SiteUrl.Provider value={context.siteUrl}>
          <Suspense fallback={<LoadingBlock label="Loading" />}>
            <View context={context} />
          </Suspense>
        </SiteUrl.Provider>
      ) : (
        <StartError />
      )}
    </StrictMode>,
  );
}

void start();
