import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import type { GadgetOptionsView, ReceivablesGadgetConfig } from '../../../../src/entry/resolvers/billing/api';
import { useBilling } from '../api/use-billing';
import { EmptyNote, ErrorMessage, LoadingBlock } from '../components/states';

const formStyles = xcss({ padding: 'space.150' });
const MAX_PROJECTS = 10;

interface Option {
  label: string;
  value: string;
}

function ProjectsForm({ options }: { options: GadgetOptionsView }) {
  const all: Option[] = options.projects.map((project) => ({
    label: `${project.name} (${project.key})`,
    value: project.key,
  }));
  const [chosen, setChosen] = useState<readonly Option[]>(
    all.filter((option) => options.selected.includes(option.value)),
  );
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  useEffect(() => setProblem(undefined), [chosen]);
  const save = async () => {
    if (chosen.length === 0) return setProblem('Choose at least one project.');
    if (chosen.length > MAX_PROJECTS) return setProblem(`Choose at most ${MAX_PROJECTS} projects.`);
    const config: ReceivablesGadgetConfig = { projectKeys: chosen.map((option) => option.value) };
    setSaving(true);
    try {
      await view.submit(config);
    } catch (error) {
      setProblem(`Jira did not save the settings: ${error instanceof Error ? error.message : 'try again'}.`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack space="space.200">
      <Stack space="space.075">
        <label htmlFor="gadget-projects">
          <Text weight="semibold">Billing projects</Text>
        </label>
        <Select<Option, true>
          inputId="gadget-projects"
          isMulti
          options={all}
          value={chosen}
          onChange={(value) => setChosen(value)}
          placeholder="Choose projects"
          aria-describedby="gadget-projects-help"
          menuPosition="fixed"
        />
        <Text size="small" color="color.text.subtle" id="gadget-projects-help">
          The projects the app syncs Wave invoices into that you can browse. Everyone sees only what they may browse.
        </Text>
        {problem ? (
          <Text size="small" color="color.text.danger" role="alert" testId="edit-problem">
            {problem}
          </Text>
        ) : null}
      </Stack>
      <Inline space="space.100">
        <Button appearance="primary" isLoading={saving} onClick={() => void save()} testId="save">
          Save
        </Button>
        <Button appearance="subtle" onClick={() => void view.close().catch(() => undefined)} testId="cancel">
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}

/** The gadget's edit view: which billing projects it shows (`view.submit` stores them with the gadget). */
export default function GadgetEdit() {
  const { state, reload } = useBilling('getGadgetOptions');
  return (
    <Box as="main" xcss={formStyles} testId="receivables-edit">
      {state.status === 'loading' ? (
        <LoadingBlock label="Loading the billing projects" />
      ) : state.status === 'error' ? (
        <ErrorMessage error={state.error} onRetry={() => void reload()} />
      ) : state.data.projects.length === 0 ? (
        <EmptyNote title="No billing project you can browse" testId="no-projects">
          The app syncs invoices into projects a Jira administrator chooses on its admin page; you need to be able to
          browse one of them.
        </EmptyNote>
      ) : (
        <ProjectsForm options={state.data} />
      )}
    </Box>
  );
}
