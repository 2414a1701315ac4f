import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { MappingRowView, ProjectMappingView } from '../../../../src/entry/resolvers/api';

interface Option {
  label: string;
  value: string;
}

const HEAD = {
  cells: [
    { key: 'wave', content: 'Wave status', width: 16 },
    { key: 'jira', content: 'Jira status', width: 30 },
    { key: 'result', content: 'Moves the issue to', width: 24 },
    { key: 'new', content: 'A new issue gets there by' },
  ],
};
const selectBox = xcss({ minWidth: '12rem' });

const DEFAULT_BY = { name: 'by default: the same name', category: 'by default: status category', mapping: '' };

function resultCell(row: MappingRowView) {
  if (!row.effective)
    return (
      <Text color="color.text.subtle">
        {row.note ??
          (row.waveStatus === 'DELETED' ? 'Stays where it is (labelled and commented)' : 'Stays where it is')}
      </Text>
    );
  return (
    <Stack space="space.025">
      <Text>{row.effective.statusName}</Text>
      {row.effective.byDefault ? (
        <Text size="small" color="color.text.subtlest">
          {DEFAULT_BY[row.effective.by]}
        </Text>
      ) : null}
    </Stack>
  );
}

function waveCell(waveStatus: string) {
  if (waveStatus !== 'DELETED') return <Lozenge>{waveStatus}</Lozenge>;
  return (
    <Stack space="space.025" alignInline="start">
      <Lozenge appearance="removed">DELETED</Lozenge>
      <Text size="small" color="color.text.subtlest">
        deleted in Wave
      </Text>
    </Stack>
  );
}

function newIssueCell(row: MappingRowView, initialName: string | undefined) {
  if (!row.effective) return <Text color="color.text.subtlest">—</Text>;
  if (!row.fromInitial)
    return (
      <Text color="color.text.subtle">
        {initialName && row.effective.statusName === initialName ? 'Starts there' : '—'}
      </Text>
    );
  if (row.fromInitial.path) return <Text>{row.fromInitial.path.map((name) => `“${name}”`).join(' → ')}</Text>;
  return (
    <Text color="color.text.warning" testId={`blocked-${row.waveStatus}`}>
      Cannot move from {initialName}: {row.fromInitial.blocked}
    </Text>
  );
}

/** One row per Wave status: its Jira status (a dropdown of this project's statuses), the result and the transition a new issue takes. */
export function MappingTable({
  view,
  mapping,
  errors,
  onChange,
}: {
  view: ProjectMappingView;
  mapping: Record<string, string>;
  errors: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
}) {
  const byWave = new Map(view.rows.map((row) => [row.waveStatus, row]));
  const rows = view.waveStatuses.map((waveStatus) => {
    const row = byWave.get(waveStatus) ?? { waveStatus };
    const defaultLabel = row.effective?.byDefault ? `Default (${row.effective.statusName})` : 'Default';
    const options: Option[] = [
      { label: defaultLabel, value: '' },
      ...view.statuses.map((status) => ({ label: status.name, value: status.id })),
    ];
    const selected = options.find((option) => option.value === (mapping[waveStatus] ?? '')) ?? options[0];
    const error = errors[`mapping.${waveStatus}`];
    const id = `mapping-${waveStatus}`;
    return {
      key: waveStatus,
      cells: [
        { key: 'wave', content: waveCell(waveStatus) },
        {
          key: 'jira',
          content: (
            <Box xcss={selectBox}>
              <label
                htmlFor={id}
                style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
              >
                Jira status for Wave status {waveStatus}
              </label>
              <Select
                inputId={id}
                options={options}
                value={selected}
                isInvalid={Boolean(error)}
                menuPortalTarget={document.body}
                styles={{ menuPortal: (base) => ({ ...base, zIndex: 9999 }) }}
                onChange={(option) => {
                  const next = { ...mapping };
                  if (option?.value) next[waveStatus] = option.value;
                  else delete next[waveStatus];
                  onChange(next);
                }}
              />
              {error ? (
                <Text size="small" color="color.text.danger" role="alert">
                  {error}
                </Text>
              ) : null}
            </Box>
          ),
        },
        { key: 'result', content: resultCell(row) },
        { key: 'new', content: newIssueCell(row, view.initialStatus?.name) },
      ],
    };
  });
  return <DynamicTable head={HEAD} rows={rows} testId="mapping-table" />;
}
