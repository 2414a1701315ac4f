import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { listFields, strictObject } from '../../../shared/validation';
import { JiraClient } from '../../../adapters/jira/jira-client';
import { getAppConfig, saveAppConfig, type AppConfig } from '../../../adapters/storage/config';
import type { TimeBudget } from '../../../shared/time-budget';
import { define } from '../core/define';
import { refuse } from '../core/envelope';
import { projectKeySchema, waveStatusSchema } from '../core/schemas';
import { listConnectedBusinesses } from '../../../usecases/connect/wave-businesses';
import type { ProjectMappingView } from '../api';
import { checkAccess } from '../core/permission-guard';
import { loadProjectWorkflow, mappingView, projectStatusesOf, type ProjectWorkflow } from './mapping-view';
import { projectRouting } from './project-routing';
import { ownValue } from '../../../shared/own';

const projectInput = strictObject({ projectKey: v.optional(projectKeySchema) });

const routeInput = strictObject({
  projectKey: v.optional(projectKeySchema),
  businessId: v.pipe(
    v.string('choose a Wave business'),
    v.minLength(1, 'choose a Wave business'),
    v.maxLength(500, 'is not a Wave business id'),
  ),
});

const mappingInput = strictObject({
  projectKey: v.optional(projectKeySchema),
  mapping: v.record(
    waveStatusSchema,
    v.pipe(v.string(), v.regex(/^(\d+)?$/, 'must be a Jira status id; pick one from the list'), v.maxLength(20)),
    'must map Wave statuses to Jira status ids',
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
    throw refuse('INVALID_INPUT', `Please correct the mapping. ${listFields(fields)}`, fields);
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
): Promise<{ config: AppConfig; workflow: ProjectWorkflow; mapping: Record<string, string> }> {
  const { config, workflow } = await load(projectKey, budget);
  const mapping = explicitOnly(requested);
  checkStatuses(workflow, mapping);
  return { config, workflow, mapping };
}

async function viewOf(
  workflow: ProjectWorkflow,
  mapping: Record<string, string>,
  config: AppConfig,
  budget: TimeBudget,
): Promise<ProjectMappingView> {
  return mappingView(workflow, mapping, await projectRouting(config, workflow.project.key, budget));
}

/** The project settings page: this project's Wave status → Jira status mapping. */
export function defineProjectMapping(resolver: Resolver): void {
  define(resolver, 'getProjectMapping', {
    access: 'project-admin',
    input: projectInput,
    handle: async (_input, { projectKey, budget }) => {
      const { config, workflow } = await load(projectKey, budget);
      return viewOf(workflow, ownValue(config.statusMappings, projectKey) ?? {}, config, budget);
    },
  });

  define(resolver, 'previewProjectMapping', {
    access: 'project-admin',
    input: mappingInput,
    handle: async (input, { projectKey, budget }) => {
      const { config, workflow, mapping } = await loadChecked(projectKey, input.mapping, budget);
      return viewOf(workflow, mapping, config, budget);
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
      return viewOf(workflow, ownValue(saved.statusMappings, projectKey) ?? {}, saved, budget);
    },
  });

  define(resolver, 'routeBusinessToProject', {
    access: 'project-admin',
    input: routeInput,
    handle: async (input, { call, projectKey, budget }) => {
      // Routing is the admin page's setting: it needs a Jira administrator, whoever administers this project.
      await checkAccess(call, { kind: 'jira-admin' }, budget);
      const { workflow } = await load(projectKey, budget);
      if (workflow.issueTypeProblem) throw refuse('NOT_CONFIGURED', workflow.issueTypeProblem);
      const businesses = await listConnectedBusinesses(budget);
      if (!businesses.some((business) => business.id === input.businessId))
        throw refuse('INVALID_INPUT', 'Please correct the input. businessId: is not a connected Wave business', {
          businessId: 'is not a connected Wave business',
        });
      const latest = await getAppConfig();
      const saved = await saveAppConfig({
        ...latest,
        defaultProjectKey: latest.defaultProjectKey ?? projectKey,
        businessProjects: { ...latest.businessProjects, [input.businessId]: projectKey },
      });
      return viewOf(workflow, ownValue(saved.statusMappings, projectKey) ?? {}, saved, budget);
    },
  });
}
