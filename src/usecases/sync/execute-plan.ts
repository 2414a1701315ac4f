import { setAppFieldValues } from '../../adapters/jira/app-fields';
import { addComment } from '../../adapters/jira/comments';
import { linkIssues } from '../../adapters/jira/issue-links';
import { createIssue, editIssue, getIssue } from '../../adapters/jira/issues';
import { JiraBadRequestError, JiraNotFoundError, JiraPermissionError } from '../../adapters/jira/jira-errors';
import { addWorklog, addWorklogOnce, findWorklogByIdempotencyKey } from '../../adapters/jira/worklogs';
import {
  withIssue,
  descriptionFingerprint,
  summaryFingerprint,
  type AddWorklogStep,
  type CreateIssueStep,
  type ContentFingerprints,
  type EditIssueStep,
  type Draft,
  type IssueRef,
  type PlanStep,
  type ProjectTarget,
  type SyncPlan,
  type TransitionBlockReason,
  type TransitionStep,
} from '../../domain/sync';
import type { AppMadeLink } from '../../domain/links';
import { NotConfiguredError } from '../../shared/errors';
import type { SyncContext } from '../sync-context';
import { writeOnceDespiteLostAnswers } from './lost-answer';
import { linkWork } from './link-work';
import { moveIssue } from './move-issue';

/** The issue a plan's steps act on is gone: the caller re-plans as a creation. */
export class IssueGoneError extends Error {
  constructor(readonly issue: IssueRef) {
    super(`Jira issue ${issue.key} no longer exists`);
  }
}

export interface PlanTarget<TLink> {
  project: ProjectTarget;
  /** Takes the link written ahead of the worklogs: stored only if the delivery fails after sending one. */
  keepWriteAhead(link: TLink): void;
  /** Called just before the create step, so a retry after a lost answer looks for the issue first. */
  beforeCreate(): void;
  /** Called once Jira answered the create, so a retry after a later failure finds the issue by id. */
  afterCreate(issue: IssueRef): void;
  /** The issue a create whose answer was lost made, if any (looked up once search can show it). */
  findLostCreate(): Promise<IssueRef | undefined>;
  /** An issue found for this Wave record although no link pointed at it (a create whose answer was lost). */
  adopted?: { issue: IssueRef; statusId: string | null };
  /** Worklog keys an earlier, interrupted execution may already have written. */
  unconfirmedWorklogKeys: ReadonlySet<string>;
  /** Rewrites the plan when no transition reaches a planned status (only plans with transitions need it). */
  onTransitionBlocked?: (plan: SyncPlan<Draft<TLink>>, reason: TransitionBlockReason) => SyncPlan<Draft<TLink>>;
}

export interface ExecutedPlan<TLink extends { issue: IssueRef }> {
  plan: SyncPlan<Draft<TLink>>;
  issue: IssueRef | null;
  /** The link to save now that every step ran; null: nothing to save. */
  link: TLink | null;
}

const jiraDate = (started: string): Date => new Date(started.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));

async function addPlannedWorklog(
  ctx: SyncContext,
  issue: IssueRef,
  step: AddWorklogStep,
  unconfirmed: ReadonlySet<string>,
  notes: string[],
): Promise<void> {
  const input = {
    idempotencyKey: step.key,
    started: jiraDate(step.started),
    timeSpentSeconds: step.timeSpentSeconds,
    comment: step.comment,
    details: { amountMinor: step.amountMinor, currency: step.currency },
  };
  let notified = false;
  try {
    // Only a worklog an interrupted run may have sent (pending in the link, or any after a holder died) can
    // already exist: look before adding only then.
    if (unconfirmed.has(step.key)) {
      notified = (await addWorklogOnce(ctx.jira, issue.id, input)).notified;
    } else {
      // The worklog property carries the key: a lost answer is settled by looking for it.
      await writeOnceDespiteLostAnswers(
        async () => void (notified = (await addWorklog(ctx.jira, issue.id, input)).notified),
        async () => ((await findWorklogByIdempotencyKey(ctx.jira, issue.id, step.key)) ? 'applied' : 'not-applied'),
      );
    }
  } catch (error) {
    // Jira refuses worklogs when time tracking is off for the project, and on issues that may not be edited:
    // the payment still shows on the issue, as a comment.
    if (!(error instanceof JiraBadRequestError) && !(error instanceof JiraPermissionError)) throw error;
    await addComment(ctx.jira, issue.id, step.comment);
    notes.push(`${issue.key}: Jira refused the payment's worklog (${error.message}); it is recorded as a comment.`);
    return;
  }
  if (notified)
    notes.push(`${issue.key}: Jira did not let the app add the payment's worklog silently; watchers were notified.`);
}

/** Creates the plan's issue; a create whose answer was lost is looked for before it is sent again. */
async function createPlannedIssue<TLink>(
  ctx: SyncContext,
  step: CreateIssueStep,
  target: PlanTarget<TLink>,
): Promise<IssueRef> {
  let created: IssueRef | undefined;
  await writeOnceDespiteLostAnswers(
    async () => {
      target.beforeCreate();
      created = await createIssue(ctx.jira, {
        projectKey: step.projectKey,
        issueType: { id: step.issueTypeId },
        summary: step.summary,
        description: step.description,
        properties: step.properties,
        ...(step.fields ? { fields: step.fields } : {}),
      });
    },
    async () => {
      created = await target.findLostCreate();
      return created ? 'applied' : 'not-applied';
    },
  );
  return created as IssueRef;
}

/** Runs a transition step; returns the plan, rewritten (a comment, a note) when no way leads to the target. */
async function runTransition<TLink extends { issue: IssueRef }>(
  ctx: SyncContext,
  plan: SyncPlan<Draft<TLink>>,
  issue: IssueRef,
  step: TransitionStep,
  target: PlanTarget<TLink>,
): Promise<SyncPlan<Draft<TLink>>> {
  const outcome = await moveIssue(
    ctx,
    issue,
    target.project,
    step.fromStatusId ?? target.project.initialStatusId,
    step.toStatusId,
  );
  if (outcome.moved) return plan;
  if (!target.onTransitionBlocked) throw new Error(`no way to ${step.toStatusName} and no handler for it`);
  return target.onTransitionBlocked(plan, outcome.reason);
}

/** The parts of the issue a person edited since the app wrote them: they stay as the person left them. */
type KeptParts = Partial<Record<'summary' | 'description', string>>;

/**
 * The summary and description are the app's only while Jira still shows what it last wrote: one read settles it,
 * and only when the plan would rewrite either. Answers the parts to leave alone, with the fingerprints to keep.
 */
async function partsEditedByPeople(ctx: SyncContext, issue: IssueRef, step: EditIssueStep): Promise<KeptParts> {
  if (!step.owned || (step.summary === undefined && step.description === undefined)) return {};
  const current = await getIssue(ctx.jira, issue.id, { fields: ['summary', 'description'] });
  if (!current) return {};
  const kept: KeptParts = {};
  const { summary, description } = step.owned;
  if (
    step.summary !== undefined &&
    summary !== undefined &&
    summaryFingerprint(String(current.fields.summary ?? '')) !== summary
  ) {
    kept.summary = summary;
  }
  if (
    step.description !== undefined &&
    description !== undefined &&
    descriptionFingerprint(current.fields.description) !== description
  ) {
    kept.description = description;
  }
  return kept;
}

async function runEdit(ctx: SyncContext, step: EditIssueStep, issue: IssueRef, notes: string[]): Promise<KeptParts> {
  const kept = await partsEditedByPeople(ctx, issue, step);
  for (const part of Object.keys(kept)) {
    notes.push(
      `${issue.key}: its ${part} was edited in Jira, so the app leaves it as it is (Wave's figures are in the fields).`,
    );
  }
  await editIssue(ctx.jira, issue.id, {
    fields: {
      ...(step.summary !== undefined && kept.summary === undefined ? { summary: step.summary } : {}),
      ...(step.description !== undefined && kept.description === undefined ? { description: step.description } : {}),
      ...step.fields,
    },
    ...(step.properties?.length ? { properties: step.properties } : {}),
    ...(step.addLabels?.length ? { addLabels: step.addLabels } : {}),
  });
  return kept;
}

/** The links the app made, as Jira shows them after a `link-work` step, kept with the invoice's link. */
function withWorkLinks<TDraft>(draft: TDraft | null, appLinks: AppMadeLink[]): TDraft | null {
  const links = (draft as { workLinks?: { fingerprint: string } } | null)?.workLinks;
  return draft === null || !links ? draft : { ...draft, workLinks: { ...links, appLinks } };
}

/** A person's edits stay theirs: the link keeps the app's last fingerprint for them, so later syncs leave them too. */
function keepFingerprints<TDraft>(draft: TDraft | null, kept: KeptParts): TDraft | null {
  if (draft === null || Object.keys(kept).length === 0) return draft;
  const withFingerprints = draft as TDraft & { fingerprints: ContentFingerprints };
  return { ...withFingerprints, fingerprints: { ...withFingerprints.fingerprints, ...kept } };
}

async function runStep(
  ctx: SyncContext,
  step: Exclude<PlanStep, { kind: 'create-issue' | 'transition' | 'add-worklog' | 'edit-issue' | 'link-work' }>,
  issue: IssueRef,
  notes: string[],
): Promise<void> {
  switch (step.kind) {
    case 'set-field-values':
      try {
        await setAppFieldValues(ctx.jira, [issue.id], step.values);
      } catch (error) {
        // The site has no fields of this app (a local stack pointed at a real site where the app is not
        // deployed): the summary and description still carry the invoice; say so instead of failing.
        if (!(error instanceof NotConfiguredError)) throw error;
        notes.push(`Wave fields not written on ${issue.key}: ${error.message}.`);
      }
      return;
    case 'add-comment':
      await addComment(ctx.jira, issue.id, step.body);
      return;
    case 'link-issues':
      try {
        await linkIssues(ctx.jira, {
          inwardIssueKey: step.otherIssue.key,
          outwardIssueKey: issue.key,
          typeName: step.linkType,
        });
      } catch (error) {
        // The other issue was deleted: the link is skipped, the sync goes on.
        if (!(error instanceof JiraNotFoundError)) throw error;
        notes.push(`Could not link ${issue.key} to ${step.otherIssue.key}: that issue no longer exists.`);
      }
      return;
  }
}

/**
 * Executes a plan step by step, in the planner's order, handing the write-ahead link over before the first worklog;
 * answers the final link for the caller to save. A 404 on the plan's own issue becomes IssueGoneError.
 */
export async function executePlan<TLink extends { issue: IssueRef }>(
  ctx: SyncContext,
  initialPlan: SyncPlan<Draft<TLink>>,
  target: PlanTarget<TLink>,
): Promise<ExecutedPlan<TLink>> {
  let plan = initialPlan;
  let issue: IssueRef | null = plan.issue;
  let wroteAhead = false;
  try {
    for (let index = 0; index < plan.steps.length; index += 1) {
      const step = plan.steps[index] as PlanStep;
      if (step.kind === 'create-issue') {
        if (target.adopted) {
          issue = target.adopted.issue;
          continue;
        }
        issue = await createPlannedIssue(ctx, step, target);
        target.afterCreate(issue);
        continue;
      }
      if (!issue) throw new Error(`plan step ${step.kind} has no issue to act on`);
      if (step.kind === 'transition') {
        const from =
          target.adopted && step.fromStatusId === target.project.initialStatusId
            ? target.adopted.statusId
            : step.fromStatusId;
        plan = await runTransition(ctx, plan, issue, { ...step, fromStatusId: from }, target);
      } else if (step.kind === 'link-work') {
        const appLinks = await linkWork(ctx, issue, step, plan.notes);
        plan = {
          ...plan,
          next: withWorkLinks(plan.next, appLinks),
          writeAhead: withWorkLinks(plan.writeAhead, appLinks),
        };
      } else if (step.kind === 'edit-issue') {
        const kept = await runEdit(ctx, step, issue, plan.notes);
        plan = {
          ...plan,
          next: keepFingerprints(plan.next, kept),
          writeAhead: keepFingerprints(plan.writeAhead, kept),
        };
      } else if (step.kind === 'add-worklog') {
        if (!wroteAhead && plan.writeAhead) target.keepWriteAhead(withIssue<TLink>(plan.writeAhead, issue));
        wroteAhead = true;
        await addPlannedWorklog(ctx, issue, step, target.unconfirmedWorklogKeys, plan.notes);
      } else {
        await runStep(ctx, step, issue, plan.notes);
      }
    }
  } catch (error) {
    if (error instanceof JiraNotFoundError && plan.issue && issue?.id === plan.issue.id)
      throw new IssueGoneError(plan.issue);
    throw error;
  }
  return { plan, issue, link: plan.next && issue ? withIssue<TLink>(plan.next, issue) : null };
}
