import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, Starting } from './App';
import { loadPageContext, type PageContext } from './page-context';

/** Follows Jira's light or dark theme (Forge applies it; the tokens' own loader covers the local stack). */
async function applyTheme(context: PageContext | undefined): Promise<void> {
  await view.theme.enable().catch(() => undefined);
  await setGlobalTheme({
    colorMode: context?.colorMode ?? 'auto',
    light: 'light',
    dark: 'dark',
    spacing: 'spacing',
    typography: 'typography',
  }).catch(() => undefined);
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(<Starting />);
  let context: PageContext | undefined;
  let contextError: string | undefined;
  try {
    context = await loadPageContext();
  } catch {
    contextError = 'The page could not read its Jira context. Reload the page.';
  }
  await applyTheme(context);
  root.render(
    <StrictMode>
      <App context={context} contextError={contextError} />
    </StrictMode>,
  );
}

void start();
