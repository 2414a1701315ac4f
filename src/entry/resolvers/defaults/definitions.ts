import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { strictObject } from '../../../shared/validation';
import { JiraClient } from '../../../adapters/jira/jira-client';
import { getAppConfig, saveAppConfig } from '../../../adapters/storage/config';
import { getWaveTokens } from '../../../adapters/storage/secrets';
import { issueTypeFor, type IssueTypeChoice, type IssueTypePurpose } from '../../../domain/sync/issue-type-choice';
import type { TimeBudget } from '../../../shared/time-budget';
import type { DefaultsView, WaveBusinessView } from '../api';
import { define } from '../core/define';
import { invalidInput } from '../core/envelope';
import { noInput, projectKeySchema, wholeNumberSchema } from '../core/schemas';
import { listConnectedBusinesses } from '../../../usecases/connect/wave-businesses';
import { defaultsView } from './defaults-view';
import { listProjects, type ProjectWithIssueTypes } from '../../../adapters/jira/projects';

/** A type's name, or empty for the type named for the purpose in each project. */
const issueTypeName = (what: string) =>
  v.pipe(v.string(`choose the issue type for ${what}, or Automatic`), v.trim(), v.maxLength(255));

const defaultsInput = strictObject({
  defaultProjectKey: projectKeySchema,
  businessProjects: v.optional(
    v.record(v.pipe(v.string(), v.minLength(1, 'a Wave business id'), v.maxLength(500)), projectKeySchema),
    {},
  ),
  invoiceIssueType: issueTypeName('invoices'),
  customerIssueType: issueTypeName('customers'),
  features: strictObject({
    customerIssues: v.boolean('must be on or off'),
    paymentWorklogs: v.boolean('must be on or off'),
    issueLinks: v.boolean('must be on or off'),
  }),
  worklogMinutes: wholeNumberSchema({
    notANumber: 'enter a number of minutes',
    notWhole: 'must be whole minutes',
    min: 1,
    belowMin: "must be at least 1 minute (Jira's minimum)",
    max: 1440,
    aboveMax: 'must be at most 1440 minutes (one day)',
  }),
});

type DefaultsInput = v.InferOutput<typeof defaultsInput>;

const issueTypeChoice = (name: string, purpose: IssueTypePurpose): IssueTypeChoice =>
  name === '' ? { auto: purpose } : { name };

async function businessesIfConnected(budget: TimeBudget): Promise<WaveBusinessView[]> {
  if (!(await getWaveTokens())) return [];
  try {
    return await listConnectedBusinesses(budget);
  } catch {
    return [];
  }
}

/** Checks the choices against the site: projects exist and have the chosen issue types. */
function checkAgainstJira(input: DefaultsInput, projects: ProjectWithIssueTypes[]): void {
  const fields: Record<string, string> = {};
  const byKey = new Map(projects.map((project) => [project.key, project]));
  const hasType = (project: ProjectWithIssueTypes, name: string, purpose: IssueTypePurpose) =>
    issueTypeFor(name === '' ? { auto: purpose } : { name }, project.issueTypes) !== undefined;
  const named = (name: string) => (name === '' ? 'the app could use' : `"${name}"`);
  const targets = [input.defaultProjectKey, ...Object.values(input.businessProjects)];
  const defaultProject = byKey.get(input.defaultProjectKey);
  if (!defaultProject)
    fields.defaultProjectKey = `project ${input.defaultProjectKey} does not exist or the app cannot see it`;
  for (const [businessId, key] of Object.entries(input.businessProjects)) {
    if (!byKey.has(key))
      fields[`businessProjects.${businessId}`] = `project ${key} does not exist or the app cannot see it`;
  }
  for (const key of new Set(targets)) {
    const project = byKey.get(key);
    if (!project) continue;
    if (!hasType(project, input.invoiceIssueType, 'invoice'))
      fields.invoiceIssueType ??= `project ${key} has no issue type ${named(input.invoiceIssueType)}`;
    if (input.features.customerIssues && !hasType(project, input.customerIssueType, 'customer')) {
      fields.customerIssueType ??= `project ${key} has no issue type ${named(input.customerIssueType)}`;
    }
  }
  if (Object.keys(fields).length > 0) {
    throw invalidInput(fields);
  }
}

async function currentDefaults(budget: TimeBudget): Promise<DefaultsView> {
  const [config, projects, businesses] = await Promise.all([
    getAppConfig(),
    listProjects(JiraClient.asApp(budget)),
    businessesIfConnected(budget),
  ]);
  return defaultsView(config, projects, businesses);
}

/** The Defaults section of the admin page: routing, issue types, features, worklog duration. */
export function defineDefaults(resolver: Resolver): void {
  define(resolver, 'getDefaults', {
    access: 'jira-admin',
    input: noInput,
    handle: (_input, { budget }) => currentDefaults(budget),
  });

  define(resolver, 'saveDefaults', {
    access: 'jira-admin',
    input: defaultsInput,
    handle: async (input, { budget }) => {
      const [config, projects] = await Promise.all([getAppConfig(), listProjects(JiraClient.asApp(budget))]);
      checkAgainstJira(input, projects);
      const saved = await saveAppConfig({
        ...config,
        defaultProjectKey: input.defaultProjectKey,
        businessProjects: input.businessProjects,
        invoiceIssueType: issueTypeChoice(input.invoiceIssueType, 'invoice'),
        customerIssueType: issueTypeChoice(input.customerIssueType, 'customer'),
        features: input.features,
        worklogSeconds: input.worklogMinutes * 60,
      });
      return defaultsView(saved, projects, await businessesIfConnected(budget));
    },
  });
}
