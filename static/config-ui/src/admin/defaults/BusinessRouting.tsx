import { Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { WaveBusinessView } from '../../../../../src/entry/resolvers/api';
import { EmptyState } from '../../components/states';
import { Field } from '../../components/Field';
import { findOption, type Option } from './options';

interface Props {
  businesses: WaveBusinessView[];
  projects: Option[];
  routing: Record<string, string>;
  errors: Record<string, string>;
  onChange: (routing: Record<string, string>) => void;
}

const DEFAULT_OPTION: Option = { label: 'Default project', value: '' };

/** One project per connected Wave business (or the default project). */
export function BusinessRouting({ businesses, projects, routing, errors, onChange }: Props) {
  if (businesses.length === 0) {
    return (
      <EmptyState title="No Wave businesses to route" testId="no-businesses">
        Connect Wave to send each business's invoices to its own project. Until then everything goes to the default
        project.
      </EmptyState>
    );
  }
  const options = [DEFAULT_OPTION, ...projects];
  return (
    <Stack space="space.100">
      <Text weight="semibold">Per business</Text>
      {businesses.map((business) => (
        <Field
          key={business.id}
          id={`business-${business.id}`}
          label={business.name}
          error={errors[`businessProjects.${business.id}`]}
        >
          {(props) => (
            <Select
              inputId={props.id}
              aria-describedby={props['aria-describedby']}
              isInvalid={props.isInvalid}
              options={options}
              value={findOption(options, routing[business.id] ?? '')}
              onChange={(option) => {
                const next = { ...routing };
                if (option?.value) next[business.id] = option.value;
                else delete next[business.id];
                onChange(next);
              }}
            />
          )}
        </Field>
      ))}
    </Stack>
  );
}
