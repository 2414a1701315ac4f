import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useState } from 'react';
import { useResolver } from '../api/use-resolver';
import { ErrorMessage, LoadingBlock } from '../components/states';
import { ActivitySection } from './activity/ActivitySection';
import { ConnectionSection } from './connection/ConnectionSection';
import { DefaultsSection } from './defaults/DefaultsSection';
import { HealthSection } from './health/HealthSection';
import { WebhooksSection } from './webhooks/WebhooksSection';

const panelStyles = xcss({ paddingBlockStart: 'space.300', width: '100%' });

const TABS = ['Wave connection', 'Webhooks', 'Defaults', 'Activity', 'Health'] as const;

/** The Jira admin page: one tab per section; the first answer also tells whether the user may be here. */
export function AdminPage() {
  const { state: gate, reload } = useResolver('getConnection');
  const [selected, setSelected] = useState(0);
  return (
    <Stack space="space.300">
      <Stack space="space.100">
        <Heading size="large" as="h1">
          Wave Accounting sync
        </Heading>
        <Text color="color.text.subtle">
          Wave invoices, customers and payments in Jira, in real time and exactly once.
        </Text>
      </Stack>
      {gate.status === 'loading' ? <LoadingBlock label="Loading the app's settings" minHeight="20rem" /> : null}
      {gate.status === 'error' && !gate.data ? (
        <ErrorMessage error={gate.error} onRetry={() => void reload()} testId="page-error" />
      ) : null}
      {gate.data ? (
        <Tabs id="admin-sections" selected={selected} onChange={(index) => setSelected(index)}>
          <TabList>
            {TABS.map((title) => (
              <Tab key={title}>{title}</Tab>
            ))}
          </TabList>
          <TabPanel>
            <Box xcss={panelStyles}>
              <ConnectionSection initial={gate.data} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box xcss={panelStyles}>
              <WebhooksSection />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box xcss={panelStyles}>
              <DefaultsSection />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box xcss={panelStyles}>
              <ActivitySection />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box xcss={panelStyles}>
              <HealthSection />
            </Box>
          </TabPanel>
        </Tabs>
      ) : null}
    </Stack>
  );
}
