import type { JiraClient } from '../../../adapters/jira/jira-client';
import { getProjectStatuses, initialStatus, type IssueTypeStatuses } from '../../../adapters/jira/project-statuses';
import type { AppConfig } from '../../../adapters/storage/config';
import type { ProjectStatus, StatusCategoryKey } from '../../../domain/sync';
import { isAppError } from '../../../shared/errors';
import { describeIssueTypeChoice, issueTypeFor } from '../../../domain/sync/issue-type-choice';
import { DELETED_STATUS, goesBackwards } from '../../../domain/sync/status-mapping';
import type { BackwardMappingView, MappingRowView, ProjectMappingView, ProjectRoutingView } from '../api';
import { WAVE_INVOICE_STATUSES } from '../../../domain/sync';
import { previewMapping } from './transition-preview';
import { getProject } from '../../../adapters/jira/projects';
import { workflowNameFor } from '../../../adapters/jira/workflow-scheme';
import {
  workflowTransitions,
  workflowTransitionsForIssueType,
  type WorkflowTransition,
} from '../../../adapters/jira/workflows';
import { ownValue } from '../../../shared/own';

/** What the mapping of one project is checked and previewed against. */
export interface ProjectWorkflow {
  project: { id: string; key: string; name: string };
  issueType: IssueTypeStatuses | undefined;
  issueTypeProblem?: string;
  transitions?: WorkflowTransition[];
  transitionsUnavailable?: string;
}

const categoryOf = (key: string | undefined): StatusCategoryKey =>
  key === 'done' ? 'done' : key === 'indeterminate' ? 'indeterminate' : 'new';

/** The issue type's workflow: named by the project's workflow scheme, else (no scheme, e.g. team-managed) asked for by project and issue type. */
async function transitionsFor(
  jira: JiraClient,
  projectId: string,
  issueType: IssueTypeStatuses,
): Promise<WorkflowTransition[]> {
  let name: string;
  try {
    name = await workflowNameFor(jira, projectId, issueType.issueTypeId);
  } catch {
    return workflowTransitionsForIssueType(jira, projectId, issueType.issueTypeId);
  }
  return workflowTransitions(jira, name);
}

/** Reads the project, the statuses of the invoice issue type and its workflow's transitions (as the app). */
export async function loadProjectWorkflow(
  jira: JiraClient,
  projectKey: string,
  config: AppConfig,
): Promise<ProjectWorkflow> {
  const [project, types] = await Promise.all([getProject(jira, projectKey), getProjectStatuses(jira, projectKey)]);
  const wanted = config.invoiceIssueType;
  const configured = issueTypeFor(
    wanted,
    types.map((type) => ({ ...type, id: type.issueTypeId, name: type.issueTypeName })),
  );
  const fallback = types.find((type) => !type.subtask);
  const issueType = configured ?? fallback;
  const issueTypeProblem = configured
    ? undefined
    : `Project ${project.key} has no issue type ${describeIssueTypeChoice(wanted)}, which a Jira admin chose for invoices: invoices cannot be created here until it is added or the choice changes${issueType ? `. Showing the workflow of ${issueType.issueTypeName} meanwhile` : ''}.`;
  const workflow: ProjectWorkflow = {
    project: { id: project.id, key: project.key, name: project.name },
    issueType,
    ...(issueTypeProblem ? { issueTypeProblem } : {}),
  };
  if (!issueType) return workflow;
  try {
    return { ...workflow, transitions: await transitionsFor(jira, project.id, issueType) };
  } catch (error) {
    const why = isAppError(error) ? error.message : 'Jira did not answer';
    return {
      ...workflow,
      transitionsUnavailable: `The workflow's transitions could not be read, so moves cannot be previewed (${why}).`,
    };
  }
}

export function projectStatusesOf(workflow: ProjectWorkflow): ProjectStatus[] {
  return (workflow.issueType?.statuses ?? []).map((status) => ({
    id: status.id,
    name: status.name,
    categoryKey: categoryOf(status.categoryKey),
  }));
}

const CATEGORY_WORDS = { new: 'to do', indeterminate: 'in progress', done: 'done' } as const;

/** Rows whose status puts a sent or paid invoice back in an earlier category: allowed, with a warning. */
function backwardsOf(rows: readonly MappingRowView[], statuses: readonly ProjectStatus[]): BackwardMappingView[] {
  return rows.flatMap((row) => {
    const status = statuses.find((candidate) => candidate.id === row.effective?.statusId);
    if (!status || !goesBackwards(row.waveStatus, status)) return [];
    return [
      {
        waveStatus: row.waveStatus,
        statusName: status.name,
        message: `An invoice that is ${row.waveStatus} in Wave would go back to ${status.name}, a "${CATEGORY_WORDS[status.categoryKey]}" status. Allowed, but people reading the board may take it for work not started.`,
      },
    ];
  });
}

/** The mapping page: the statuses to choose from, where each Wave status leads, and the moves that cannot happen. */
export function mappingView(
  workflow: ProjectWorkflow,
  mapping: Record<string, string>,
  routing: ProjectRoutingView,
): ProjectMappingView {
  const statuses = projectStatusesOf(workflow);
  const initial = workflow.issueType ? initialStatus(workflow.issueType.statuses) : undefined;
  const known: readonly string[] = [...WAVE_INVOICE_STATUSES, DELETED_STATUS];
  const waveStatuses = [...known, ...Object.keys(mapping).filter((status) => !known.includes(status))];
  const preview = initial
    ? previewMapping({
        waveStatuses,
        mapping,
        statuses,
        initialStatusId: initial.id,
        ...(workflow.transitions ? { transitions: workflow.transitions } : {}),
      })
    : {
        rows: waveStatuses.map((waveStatus) => ({
          waveStatus,
          ...(ownValue(mapping, waveStatus) ? { mappedStatusId: ownValue(mapping, waveStatus) } : {}),
        })),
        warnings: [],
      };
  return {
    project: { key: workflow.project.key, name: workflow.project.name },
    routing,
    issueType: workflow.issueType
      ? { id: workflow.issueType.issueTypeId, name: workflow.issueType.issueTypeName }
      : null,
    ...(workflow.issueTypeProblem ? { issueTypeProblem: workflow.issueTypeProblem } : {}),
    statuses: statuses.map((status) => ({ id: status.id, name: status.name, categoryKey: status.categoryKey })),
    ...(initial
      ? {
          initialStatus: {
            id: initial.id,
            name: initial.name,
            ...(initial.categoryKey ? { categoryKey: initial.categoryKey } : {}),
          },
        }
      : {}),
    waveStatuses,
    rows: preview.rows,
    warnings: preview.warnings,
    backwards: backwardsOf(preview.rows, statuses),
    ...(workflow.transitionsUnavailable ? { transitionsUnavailable: workflow.transitionsUnavailable } : {}),
  };
}
