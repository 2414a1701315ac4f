import { Box, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { AdminPage } from './admin/AdminPage';
import { LoadingBlock } from './components/states';
import { PageContextValue, PROJECT_SETTINGS_MODULE, type PageContext } from './page-context';
import { ProjectSettingsPage } from './project/ProjectSettingsPage';

/** Fits Jira's admin iframe: fluid width, capped for readability, no horizontal scroll. */
const pageStyles = xcss({
  maxWidth: '1080px',
  paddingBlock: 'space.300',
  paddingInline: 'space.300',
  marginInline: 'auto',
});

/** Shown while the page asks Jira for its context (before it knows which page it is). */
export function Starting() {
  return (
    <Box xcss={pageStyles}>
      <LoadingBlock label="Starting the page" minHeight="20rem" />
    </Box>
  );
}

export function App({ context, contextError }: { context?: PageContext; contextError?: string }) {
  if (!context) {
    return (
      <Box xcss={pageStyles}>
        <SectionMessage appearance="error" title="The page could not start">
          <p>{contextError}</p>
        </SectionMessage>
      </Box>
    );
  }
  return (
    <PageContextValue.Provider value={context}>
      <Box as="main" xcss={pageStyles}>
        {context.moduleKey === PROJECT_SETTINGS_MODULE ? <ProjectSettingsPage /> : <AdminPage />}
      </Box>
    </PageContextValue.Provider>
  );
}
