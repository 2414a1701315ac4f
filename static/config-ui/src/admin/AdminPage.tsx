import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useCallback, useEffect, useState } from 'react';
import type { HealthView } from '../../../../src/entry/resolvers/api';
import { useResolver } from '../api/use-resolver';
import { ErrorMessage, LoadingBlock } from '../components/states';
import { ActivitySection } from './activity/ActivitySection';
import { ConnectionSection } from './connection/ConnectionSection';
import { DefaultsSection } from './defaults/DefaultsSection';
import { FirstRunOffer } from './first-run/FirstRunOffer';
import { HealthBanner } from './health/HealthBanner';
import { HealthSection } from './health/HealthSection';
import { WebhooksSection } from './webhooks/WebhooksSection';

const panelStyles = xcss({ paddingBlockStart: 'space.300', width: '100%' });

const TABS = ['Wave connection', 'Webhooks', 'Defaults', 'Activity', 'Health'] as const;
const DEFAULTS_TAB = TABS.indexOf('Defaults');
const HEALTH_TAB = TABS.indexOf('Health');
/** An outage that starts while the page is open shows within a minute. */
const HEALTH_REFRESH_MS = 60_000;

/** The Health tab's label, with a badge counting the red checks. */
function HealthTabLabel({ health }: { health: HealthView | undefined }) {
  const red = health?.checks.filter((check) => check.level === 'red').length ?? 0;
  if (red === 0) return <>Health</>;
  return (
    <Inline space="space.075" alignBlock="center">
      <span>Health</span>
      <Lozenge appearance="removed" isBold testId="health-badge">
        {`${red} red`}
      </Lozenge>
    </Inline>
  );
}

/** The Jira admin page: one tab per section; the first answer also tells whether the user may be here. */
export function AdminPage() {
  const { state: gate, reload } = useResolver('getConnection');
  const health = useResolver('getHealth');
  const firstRun = useResolver('getFirstRun');
  const [selected, setSelected] = useState(0);
  const [backfillStarts, setBackfillStarts] = useState(0);
  const reloadHealth = health.reload;
  const reloadFirstRun = firstRun.reload;
  /** Settings changed on a tab: what the page shows above the tabs may have too. */
  const settingsChanged = useCallback(() => {
    void reloadHealth();
    void reloadFirstRun();
  }, [reloadHealth, reloadFirstRun]);
  // While the import is offered, invoices may reach Jira by webhook or poll meanwhile: the offer is asked again too.
  const offering = firstRun.state.data?.offerImport === true;
  useEffect(() => {
    const timer = window.setInterval(() => {
      void reloadHealth();
      if (offering) void reloadFirstRun();
    }, HEALTH_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reloadHealth, reloadFirstRun, offering]);
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
      {gate.data && health.state.data ? (
        <HealthBanner
          checks={health.state.data.checks}
          {...(selected === HEALTH_TAB ? {} : { onOpenHealth: () => setSelected(HEALTH_TAB) })}
        />
      ) : null}
      {gate.data && firstRun.state.data ? (
        <FirstRunOffer
          firstRun={firstRun.state.data}
          onImportStarted={() => {
            void firstRun.reload();
            setBackfillStarts((count) => count + 1);
            setSelected(DEFAULTS_TAB);
          }}
          onChooseDay={() => setSelected(DEFAULTS_TAB)}
        />
      ) : null}
      {gate.data ? (
        <Tabs id="admin-sections" selected={selected} onChange={(index) => setSelected(index)}>
          <TabList>
            {TABS.map((title) => (
              <Tab key={title}>{title === 'Health' ? <HealthTabLabel health={health.state.data} /> : title}</Tab>
            ))}
          </TabList>
          <TabPanel>
            <Box xcss={panelStyles}>
              <ConnectionSection initial={gate.data} onStateChanged={settingsChanged} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box xcss={panelStyles}>
              <WebhooksSection />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box xcss={panelStyles}>
              <DefaultsSection onSaved={settingsChanged} backfillStarts={backfillStarts} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box xcss={panelStyles}>
              <ActivitySection />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box xcss={panelStyles}>
              <HealthSection state={health.state} onReload={() => void health.reload()} />
            </Box>
          </TabPanel>
        </Tabs>
      ) : null}
    </Stack>
  );
}
