import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { FirstRunView } from '../../../../../src/entry/resolvers/api';
import { SubmitStatus } from '../../components/SubmitStatus';
import { useSubmit } from '../../components/use-submit';
import { formatDateTime, formatDay, plural } from '../../format';
import { usePageContext } from '../../page-context';

/**
 * A fresh install (Wave connected, nothing in Jira yet): what Wave holds, what the five-minute poll will bring by
 * itself, and the initial import in one click.
 */
export function FirstRunOffer({
  firstRun,
  onImportStarted,
  onChooseDay,
}: {
  firstRun: FirstRunView;
  onImportStarted: () => void;
  onChooseDay: () => void;
}) {
  const { timezone } = usePageContext();
  const start = useSubmit('startBackfill');
  if (!firstRun.offerImport) return null;
  const { wave } = firstRun;
  const since =
    firstRun.connectedAt !== undefined
      ? `since Wave was connected (${formatDateTime(firstRun.connectedAt, timezone)})`
      : 'from now on';
  const importAll = async () => {
    if (!wave?.oldestChangeDay) return;
    await start.submit({ fromDate: wave.oldestChangeDay }, onImportStarted);
  };
  return (
    <SectionMessage appearance="discovery" title="Bring your Wave invoices into Jira" testId="first-run">
      <Stack space="space.150">
        {wave ? (
          <Text as="p" testId="first-run-wave">
            Wave has {plural(wave.invoices, 'invoice', 'invoices')}
            {wave.oldestChangeDay ? `, changed since ${formatDay(wave.oldestChangeDay)}` : ''}; none is in Jira yet.
          </Text>
        ) : (
          <Text as="p">Wave could not be asked how many invoices it has ({firstRun.waveError}).</Text>
        )}
        <Text as="p">
          The five-minute poll brings every invoice created or changed in Wave {since} by itself. Invoices older than
          that come into Jira only with an import, which creates one issue per invoice and can be stopped at any time.
        </Text>
        {firstRun.needsProject ? (
          <Text as="p" weight="semibold" testId="first-run-needs-project">
            First choose the Jira project invoices go to, under Defaults.
          </Text>
        ) : null}
        <Inline space="space.100" alignBlock="center" shouldWrap>
          {wave?.oldestChangeDay && !firstRun.needsProject ? (
            <Button appearance="primary" onClick={() => void importAll()} isLoading={start.pending} testId="import-all">
              Import all {plural(wave.invoices, 'invoice', 'invoices')}
            </Button>
          ) : null}
          <Button
            appearance={firstRun.needsProject ? 'primary' : 'subtle'}
            onClick={onChooseDay}
            testId="choose-import-day"
          >
            {firstRun.needsProject ? 'Open Defaults' : 'Choose a day to import from'}
          </Button>
        </Inline>
        <SubmitStatus status={start.status} />
      </Stack>
    </SectionMessage>
  );
}
