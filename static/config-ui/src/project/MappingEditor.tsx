import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useEffect, useRef, useState } from 'react';
import type { ProjectMappingView } from '../../../../src/entry/resolvers/api';
import { callResolver } from '../api/resolver-call';
import { SectionCard } from '../components/SectionCard';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../components/use-submit';
import { ApplyToExisting } from './ApplyToExisting';
import { BackwardMappings } from './MappingNotes';
import { MappingTable } from './MappingTable';
import { RoutingNote } from './RoutingNote';
import { TransitionWarnings } from './TransitionWarnings';

const PREVIEW_DELAY_MS = 250;

const mappingOf = (view: ProjectMappingView): Record<string, string> =>
  Object.fromEntries(view.rows.flatMap((row) => (row.mappedStatusId ? [[row.waveStatus, row.mappedStatusId]] : [])));

const same = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/** Edits the mapping; every change is previewed by the server (where each status leads, which moves cannot happen). */
export function MappingEditor({ initial }: { initial: ProjectMappingView }) {
  const projectKey = initial.project.key;
  const [saved, setSaved] = useState(() => mappingOf(initial));
  const [mapping, setMapping] = useState(saved);
  const [view, setView] = useState(initial);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | undefined>();
  const [saves, setSaves] = useState(0);
  const save = useSubmit('saveProjectMapping', {
    title: 'Mapping saved',
    description: `The next Wave change of each invoice in ${projectKey} follows it.`,
  });
  const request = useRef(0);
  const dirty = !same(mapping, saved);

  useEffect(() => {
    if (same(mapping, mappingOf(view))) return undefined;
    const id = ++request.current;
    const timer = window.setTimeout(async () => {
      setPreviewing(true);
      const answer = await callResolver('previewProjectMapping', { projectKey, mapping });
      if (id !== request.current) return;
      setPreviewing(false);
      if (answer.ok) {
        setView(answer.data);
        setPreviewError(undefined);
      } else setPreviewError(answer.error.message);
    }, PREVIEW_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [mapping, projectKey, view]);

  const onSave = async () => {
    const answer = await save.submit({ projectKey, mapping });
    if (answer.ok) {
      const next = mappingOf(answer.data);
      request.current += 1;
      setView(answer.data);
      setSaved(next);
      setMapping(next);
      setSaves((count) => count + 1);
    }
  };
  const onRouted = (routed: ProjectMappingView) => {
    request.current += 1;
    setView(routed);
  };

  return (
    <Stack space="space.300">
      <RoutingNote view={view} onRouted={onRouted} />
      {view.issueTypeProblem ? (
        <SectionMessage appearance="warning" title="Issue type missing" testId="issue-type-problem">
          <Text as="p">{view.issueTypeProblem}</Text>
        </SectionMessage>
      ) : null}
      <SectionCard
        title="Status mapping"
        testId="status-mapping"
        description={
          view.issueType
            ? `Invoices are ${view.issueType.name} issues here${view.initialStatus ? `; new ones start in ${view.initialStatus.name}` : ''}. Statuses left on "Default" go to this workflow's status of the same name (Partially Paid, Overdue, Paid, Cancelled…), else by status category (to do, in progress, done).`
            : 'This project has no issue type the app can use.'
        }
        actions={previewing ? <Spinner size="small" label="Updating the preview" /> : null}
      >
        <Stack space="space.200">
          <MappingTable view={view} mapping={mapping} errors={save.fieldErrors} onChange={(next) => setMapping(next)} />
          {previewError ? (
            <SectionMessage appearance="error" title="The preview could not be updated">
              <Text as="p">{previewError}</Text>
            </SectionMessage>
          ) : null}
        </Stack>
      </SectionCard>
      <BackwardMappings view={view} />
      <TransitionWarnings view={view} />
      <Inline space="space.100" alignBlock="center">
        <Button
          appearance="primary"
          onClick={() => void onSave()}
          isLoading={save.pending}
          isDisabled={!dirty}
          testId="save-mapping"
        >
          Save mapping
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            setMapping(saved);
            setPreviewError(undefined);
            save.reset();
          }}
          isDisabled={!dirty}
        >
          Discard changes
        </Button>
        {dirty ? <Text color="color.text.subtle">Unsaved changes</Text> : null}
      </Inline>
      <SubmitStatus status={save.status} />
      <ApplyToExisting projectKey={projectKey} saves={saves} />
    </Stack>
  );
}
