import { LOCAL_ADMIN_ACCOUNT_ID } from '../local/jira-sandbox/users';
import { resolveTargetStatus, type ProjectStatus, type StatusCategoryKey } from '../src/domain/sync';

/** A REST call to the Jira sandbox as the local admin (what an Automation rule or a Zap acts as). */
export async function jiraRest<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/jira${path}`, {
    method,
    headers: {
      'x-forge-principal': `user:${LOCAL_ADMIN_ACCOUNT_ID}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface StatusesOfType {
  name: string;
  statuses: Array<{ id: string; name: string; statusCategory: { key: string } }>;
}
interface WorkflowPage {
  values: Array<{ statuses: Array<{ id: string }>; transitions: Array<{ from: string[]; to: string; type?: string }> }>;
}

/** An issue type's workflow as the bench needs it: where a Wave status goes, and how many hops a move takes. */
export interface BenchWorkflow {
  /** In workflow order. */
  statuses: ProjectStatus[];
  initialStatusId: string;
  /** The status the app's default mapping puts an invoice in (by category), or null to stay. */
  targetFor(waveStatus: string, currentStatusId: string): string | null;
  /** Fewest transitions from one status to another (breadth-first over the workflow's transitions). */
  hops(fromStatusId: string, toStatusId: string): number;
}

export async function loadWorkflow(baseUrl: string, projectKey: string, issueTypeName: string): Promise<BenchWorkflow> {
  const types = await jiraRest<StatusesOfType[]>(baseUrl, 'GET', `/rest/api/3/project/${projectKey}/statuses`);
  const type = types.find((candidate) => candidate.name === issueTypeName);
  if (!type) throw new Error(`${projectKey} has no issue type ${issueTypeName}`);
  const statuses: ProjectStatus[] = type.statuses.map((status) => ({
    id: status.id,
    name: status.name,
    categoryKey: status.statusCategory.key as StatusCategoryKey,
  }));
  const initialStatusId = (statuses.find((status) => status.categoryKey === 'new') ?? statuses[0])?.id ?? '';
  const ids = new Set(statuses.map((status) => status.id));
  const page = await jiraRest<WorkflowPage>(baseUrl, 'GET', '/rest/api/3/workflow/search?expand=transitions,statuses');
  const workflow = page.values.find(
    (candidate) => candidate.statuses.length === ids.size && candidate.statuses.every((status) => ids.has(status.id)),
  );
  if (!workflow) throw new Error(`no workflow has exactly the statuses of ${projectKey} ${issueTypeName}`);

  const hops = (from: string, to: string): number => {
    const distance = new Map([[from, 0]]);
    const queue = [from];
    while (queue.length > 0) {
      const at = queue.shift() as string;
      if (at === to) return distance.get(at) as number;
      for (const transition of workflow.transitions.filter((candidate) => candidate.type !== 'initial')) {
        const leaves = transition.from.length === 0 ? at !== transition.to : transition.from.includes(at);
        if (leaves && !distance.has(transition.to)) {
          distance.set(transition.to, (distance.get(at) as number) + 1);
          queue.push(transition.to);
        }
      }
    }
    throw new Error(`status ${to} cannot be reached from ${from}`);
  };
  const targetFor = (waveStatus: string, currentStatusId: string): string | null => {
    const target = resolveTargetStatus({
      waveStatus,
      mapping: {},
      projectStatuses: statuses,
      initialStatusId,
      currentStatusId,
    });
    return target.kind === 'move' ? target.status.id : null;
  };
  return { statuses, initialStatusId, targetFor, hops };
}
