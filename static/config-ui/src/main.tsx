import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyTheme } from '../../shared/theme';
import { App, Starting } from './App';
import { loadPageContext, type PageContext } from './page-context';

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
  await applyTheme(context?.colorMode, { enableForgeTheme: () => view.theme.enable(), setGlobalTheme });
  root.render(
    <StrictMode>
      <App context={context} contextError={contextError} />
    </StrictMode>,
  );
}

void start();
