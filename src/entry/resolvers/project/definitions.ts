import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { JiraClient } from '../../../adapters/jira/jira-client';
import { getAppConfig, saveAppConfig, type AppConfig } from '../../../adapters/storage/config';
import type { TimeBudget } from '../../../shared/time-budget';
import { define } from '../core/define';
import { refuse } from '../core/envelope';
import { projectKeySchema, waveStatusSchema } from '../core/schemas';
import { loadProjectWorkflow, mappingView, projectStatusesOf, type ProjectWorkflow } from './mapping-view';
import { ownValue } from '../../../shared/own';

const projectInput = z.strictObject({ projectKey: projectKeySchema.optional() });

const mappingInput = z.strictObject({
  projectKey: projectKeySchema.optional(),
  mapping: z.record(
    waveStatusSchema,
    z
      .string()
      .regex(/^(\d+)?$/, 'must be a Jira status id; pick one from the list')
      .max(20),
    { error: 'must map Wave statuses to Jira status ids' },
  ),
});

/** Empty choices mean "use the default" and are not stored. */
const explicitOnly = (mapping: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(mapping).filter(([, statusId]) => statusId !== ''));

/** Every chosen status must be one of this project's workflow statuses. */
function checkStatuses(workflow: ProjectWorkflow, mapping: Record<string, string>): void {
  const known = new Set(projectStatusesOf(workflow).map((status) => status.id));
  const where = `${workflow.project.key}'s workflow${workflow.issueType ? ` for ${workflow.issueType.issueTypeName}` : ''}`;
  const fields: Record<string, string> = {};
  for (const [waveStatus, statusId] of Object.entries(mapping)) {
    if (!known.has(statusId))
      fields[`mapping.${waveStatus}`] = `status ${statusId} is not in ${where}; pick one from the list`;
  }
  if (Object.keys(fields).length > 0) {
    throw refuse(
      'INVALID_INPUT',
      `Please correct the mapping. ${Object.entries(fields)
        .map(([path, message]) => `${path}: ${message}`)
        .join('; ')}`,
      fields,
    );
  }
}

async function load(projectKey: string, budget: TimeBudget): Promise<{ config: AppConfig; workflow: ProjectWorkflow }> {
  const config = await getAppConfig();
  return { config, workflow: await loadProjectWorkflow(JiraClient.asApp(budget), projectKey, config) };
}

/** The project's workflow and the mapping asked for, its explicit choices checked against that workflow. */
async function loadChecked(
  projectKey: string,
  requested: Record<string, string>,
  budget: TimeBudget,
): Promise<{ workflow: ProjectWorkflow; mapping: Record<string, string> }> {
  const { workflow } = await load(projectKey, budget);
  const mapping = explicitOnly(requested);
  checkStatuses(workflow, mapping);
  return { workflow, mapping };
}

/** The project settings page: this project's Wave status → Jira status mapping. */
export function defineProjectMapping(resolver: Resolver): void {
  define(resolver, 'getProjectMapping', {
    access: 'project-admin',
    input: projectInput,
    handle: async (_input, { projectKey, budget }) => {
      const { config, workflow } = await load(projectKey, budget);
      return mappingView(workflow, ownValue(config.statusMappings, projectKey) ?? {});
    },
  });

  define(resolver, 'previewProjectMapping', {
    access: 'project-admin',
    input: mappingInput,
    handle: async (input, { projectKey, budget }) => {
      const { workflow, mapping } = await loadChecked(projectKey, input.mapping, budget);
      return mappingView(workflow, mapping);
    },
  });

  define(resolver, 'saveProjectMapping', {
    access: 'project-admin',
    input: mappingInput,
    handle: async (input, { projectKey, budget }) => {
      const { workflow, mapping } = await loadChecked(projectKey, input.mapping, budget);
      // Read again just before writing: the admin page may have saved other settings meanwhile.
      const latest = await getAppConfig();
      const statusMappings = { ...latest.statusMappings };
      if (Object.keys(mapping).length > 0) statusMappings[projectKey] = mapping;
      else delete statusMappings[projectKey];
      const saved = await saveAppConfig({ ...latest, statusMappings });
      return mappingView(workflow, ownValue(saved.statusMappings, projectKey) ?? {});
    },
  });
}
