/** A tiny in-memory Jira and a use-case-like executor, to run plans end to end without I/O. */

import type { AdfDoc } from '../../../../src/domain/sync/adf';
import { withIssue } from '../../../../src/domain/sync/link';
import { onTransitionBlocked } from '../../../../src/domain/sync/plan';
import {
  chooseTransition,
  type JiraTransition,
  type TransitionBlockReason,
} from '../../../../src/domain/sync/transitions';
import type {
  FieldValues,
  InvoicePlan,
  IssueRef,
  PlanStep,
  ProjectStatus,
  SyncPlan,
} from '../../../../src/domain/sync/types';
import { STATUSES } from './fixtures';

export interface FakeIssue {
  ref: IssueRef;
  projectKey: string;
  summary: string;
  description: AdfDoc;
  labels: string[];
  statusId: string;
  fields: FieldValues;
  properties: Record<string, unknown>;
  worklogs: { key: string; started: string; timeSpentSeconds: number; amountMinor: number }[];
  comments: { key: string; body: AdfDoc }[];
  links: IssueRef[];
}

export class IssueGone extends Error {}
export class Crash extends Error {}

export class FakeJira {
  readonly issues = new Map<string, FakeIssue>();
  /** Writes only (what the benchmark counts); transitions GETs are cached by the real adapter. */
  calls: string[] = [];
  /** Target status id → why no transition leads there. */
  blocked: Record<string, TransitionBlockReason> = {};
  /** Crash before adding the worklog with this idempotency key (once). */
  crashBeforeWorklogKey: string | null = null;
  private nextId = 10000;

  constructor(
    private readonly statuses: readonly ProjectStatus[] = STATUSES,
    private readonly initialStatusId = '1',
  ) {}

  issue(id: string): FakeIssue {
    const issue = this.issues.get(id);
    if (!issue) throw new IssueGone(id);
    return issue;
  }

  transitionsFrom(issue: FakeIssue): JiraTransition[] {
    return this.statuses
      .filter((status) => status.id !== issue.statusId && this.blocked[status.id] !== 'no-transition')
      .map((status) => ({
        id: `t${status.id}`,
        name: `to ${status.name}`,
        to: { id: status.id },
        isAvailable: this.blocked[status.id] !== 'unavailable',
        hasScreen: this.blocked[status.id] === 'screen-only',
      }));
  }

  run(step: PlanStep, issueId: string | null): IssueRef | null {
    if (step.kind === 'create-issue') {
      this.calls.push('create');
      const id = String(this.nextId++);
      const ref = { id, key: `${step.projectKey}-${id}` };
      this.issues.set(id, {
        ref,
        projectKey: step.projectKey,
        summary: step.summary,
        description: step.description,
        labels: [],
        statusId: this.initialStatusId,
        fields: {},
        properties: Object.fromEntries(step.properties.map((p) => [p.key, p.value])),
        worklogs: [],
        comments: [],
        links: [],
      });
      return ref;
    }
    const issue = this.issue(issueId ?? '');
    switch (step.kind) {
      case 'edit-issue':
        this.calls.push('edit');
        if (step.summary !== undefined) issue.summary = step.summary;
        if (step.description !== undefined) issue.description = step.description;
        for (const label of step.addLabels ?? []) if (!issue.labels.includes(label)) issue.labels.push(label);
        break;
      case 'set-field-values':
        this.calls.push('fields');
        issue.fields = { ...issue.fields, ...step.values };
        break;
      case 'add-comment':
        this.calls.push('comment');
        issue.comments.push({ key: step.key, body: step.body });
        break;
      case 'link-issues':
        this.calls.push('link');
        issue.links.push(step.otherIssue);
        break;
      case 'add-worklog':
        if (this.crashBeforeWorklogKey === step.key) {
          this.crashBeforeWorklogKey = null;
          throw new Crash(step.key);
        }
        if (issue.worklogs.some((worklog) => worklog.key === step.key)) break;
        this.calls.push('worklog');
        issue.worklogs.push({
          key: step.key,
          started: step.started,
          timeSpentSeconds: step.timeSpentSeconds,
          amountMinor: step.amountMinor,
        });
        break;
      case 'transition':
        throw new Error('transitions go through transition()');
    }
    return issue.ref;
  }

  transition(issueId: string, transitionId: string): void {
    this.calls.push('transition');
    this.issue(issueId).statusId = transitionId.slice(1);
  }

  loggedMinor(issueId: string): number {
    return this.issue(issueId).worklogs.reduce((sum, worklog) => sum + worklog.amountMinor, 0);
  }
}

/** What a link store holds; `save` is called for the write-ahead and the final link, like KVS writes. */
export interface LinkStore<TLink> {
  link: TLink | null;
  saves: number;
}

/** Executes a plan the way the use case will: steps in order, write-ahead before worklogs, link saved last. */
export function execute<TDraft extends object, TLink extends { issue: IssueRef }>(
  jira: FakeJira,
  initial: SyncPlan<TDraft>,
  store: LinkStore<TLink>,
): SyncPlan<TDraft> {
  let plan = initial;
  let issue = plan.issue;
  let wroteAhead = false;
  for (let index = 0; index < plan.steps.length; index += 1) {
    const step = plan.steps[index];
    if (step === undefined) break;
    if (step.kind === 'transition') {
      const current = jira.issue(issue?.id ?? '');
      const choice = chooseTransition(jira.transitionsFrom(current), step.toStatusId);
      if (choice.ok) jira.transition(current.ref.id, choice.transitionId);
      else plan = onTransitionBlocked(plan as unknown as InvoicePlan, choice.reason) as unknown as SyncPlan<TDraft>;
      continue;
    }
    if (step.kind === 'add-worklog' && !wroteAhead && plan.writeAhead && issue) {
      store.link = withIssue<TLink>(plan.writeAhead as never, issue);
      store.saves += 1;
      wroteAhead = true;
    }
    issue = jira.run(step, issue?.id ?? null) ?? issue;
  }
  if (plan.next && issue) {
    store.link = withIssue<TLink>(plan.next as never, issue);
    store.saves += 1;
  }
  return plan;
}

export function emptyStore<TLink>(): LinkStore<TLink> {
  return { link: null, saves: 0 };
}
