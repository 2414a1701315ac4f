import Button from '@atlaskit/button/new';
import { Box, Grid, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Toggle from '@atlaskit/toggle';
import { useState, type FormEvent } from 'react';
import type { DefaultsInput, DefaultsView, FeaturesView } from '../../../../../src/entry/resolvers/api';
import { Field } from '../../components/Field';
import { SectionCard } from '../../components/SectionCard';
import { SubmitStatus } from '../../components/SubmitStatus';
import { NumberInputField, numberOf, useTextInput } from '../../components/TextInputField';
import { useSubmit } from '../../components/use-submit';
import { BusinessRouting } from './BusinessRouting';
import { findOption, issueTypeOptions, projectOptions } from './options';

const FEATURES: Array<{ key: keyof FeaturesView; label: string; hint: string }> = [
  { key: 'customerIssues', label: 'Customer issues', hint: 'A Jira issue per Wave customer, for account tracking.' },
  { key: 'paymentWorklogs', label: 'Payment worklogs', hint: "A worklog on the invoice's issue for every payment." },
  { key: 'issueLinks', label: 'Issue links', hint: "Link each invoice's issue to its customer's issue." },
];

const columns = xcss({ gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))' });
const featureRow = xcss({ display: 'flex', alignItems: 'flex-start', gap: 'space.100' });

function inputOf(defaults: DefaultsView): DefaultsInput {
  return {
    defaultProjectKey: defaults.defaultProjectKey ?? '',
    businessProjects: defaults.businessProjects,
    invoiceIssueType: defaults.invoiceIssueType,
    customerIssueType: defaults.customerIssueType,
    features: defaults.features,
    worklogMinutes: defaults.worklogMinutes,
  };
}

export function DefaultsForm({
  defaults,
  onSaved,
}: {
  defaults: DefaultsView;
  onSaved: (defaults: DefaultsView) => void;
}) {
  const [input, setInput] = useState<DefaultsInput>(() => inputOf(defaults));
  const save = useSubmit('saveDefaults', { title: 'Defaults saved', description: 'The next delivery uses them.' });
  const minutes = useTextInput(save, 'worklogMinutes', String(defaults.worklogMinutes));
  const projects = projectOptions(defaults);
  const invoiceTypes = issueTypeOptions(defaults, 'invoice');
  const customerTypes = issueTypeOptions(defaults, 'customer');
  const change = <K extends keyof DefaultsInput>(key: K, value: DefaultsInput[K]) => {
    setInput((previous) => ({ ...previous, [key]: value }));
    save.clearFieldError(key);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await save.submit({ ...input, worklogMinutes: numberOf(minutes) }, onSaved);
  };

  return (
    <Box as="form" onSubmit={onSubmit} noValidate testId="defaults-form">
      <Stack space="space.300">
        <SectionCard title="Routing" description="The Jira project each Wave business's invoices and customers go to.">
          <Stack space="space.200">
            <Field
              id="default-project"
              label="Default project"
              isRequired
              error={save.fieldErrors.defaultProjectKey}
              hint="Businesses without their own project below go here."
            >
              {(props) => (
                <Select
                  inputId={props.id}
                  aria-describedby={props['aria-describedby']}
                  isInvalid={props.isInvalid}
                  options={projects}
                  value={findOption(projects, input.defaultProjectKey)}
                  onChange={(option) => change('defaultProjectKey', option?.value ?? '')}
                  placeholder="Choose a project"
                />
              )}
            </Field>
            <BusinessRouting
              businesses={defaults.businesses}
              projects={projects}
              routing={input.businessProjects}
              errors={save.fieldErrors}
              onChange={(routing) => change('businessProjects', routing)}
            />
          </Stack>
        </SectionCard>
        <SectionCard
          title="Issue types"
          description="Automatic fits each project; a type chosen by name must exist in every project invoices go to."
        >
          <Grid xcss={columns} columnGap="space.200">
            <Field
              id="invoice-issue-type"
              label="Issue type for invoices"
              isRequired
              error={save.fieldErrors.invoiceIssueType}
              hint="Automatic: each project's Invoice type, else Task."
            >
              {(props) => (
                <Select
                  inputId={props.id}
                  aria-describedby={props['aria-describedby']}
                  isInvalid={props.isInvalid}
                  options={invoiceTypes}
                  value={findOption(invoiceTypes, input.invoiceIssueType)}
                  onChange={(option) => change('invoiceIssueType', option?.value ?? '')}
                />
              )}
            </Field>
            <Field
              id="customer-issue-type"
              label="Issue type for customers"
              isRequired
              error={save.fieldErrors.customerIssueType}
              hint="Automatic: each project's Account or Customer type, else Task."
            >
              {(props) => (
                <Select
                  inputId={props.id}
                  aria-describedby={props['aria-describedby']}
                  isInvalid={props.isInvalid}
                  options={customerTypes}
                  value={findOption(customerTypes, input.customerIssueType)}
                  onChange={(option) => change('customerIssueType', option?.value ?? '')}
                />
              )}
            </Field>
          </Grid>
        </SectionCard>
        <SectionCard title="Features">
          <Stack space="space.200">
            {FEATURES.map((feature) => (
              <Box key={feature.key} xcss={featureRow}>
                <Toggle
                  id={`feature-${feature.key}`}
                  isChecked={input.features[feature.key]}
                  onChange={() =>
                    change('features', { ...input.features, [feature.key]: !input.features[feature.key] })
                  }
                  descriptionId={`feature-${feature.key}-hint`}
                />
                <Stack space="space.025">
                  <label htmlFor={`feature-${feature.key}`}>
                    <Text weight="semibold">{feature.label}</Text>
                  </label>
                  <Text id={`feature-${feature.key}-hint`} size="small" color="color.text.subtle">
                    {feature.hint}
                  </Text>
                </Stack>
              </Box>
            ))}
            <NumberInputField
              id="worklog-minutes"
              label="Time logged per payment (minutes)"
              hint="Jira needs at least 1 minute; payments are logged as work so they show on the issue's timeline."
              input={minutes}
              min={1}
              max={1440}
              isDisabled={!input.features.paymentWorklogs}
            />
          </Stack>
        </SectionCard>
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={save.pending} testId="save-defaults">
            Save defaults
          </Button>
          <Button
            appearance="subtle"
            onClick={() => {
              setInput(inputOf(defaults));
              minutes.setValue(String(defaults.worklogMinutes));
              save.reset();
            }}
          >
            Discard changes
          </Button>
        </Inline>
        <SubmitStatus status={save.status} />
      </Stack>
    </Box>
  );
}
