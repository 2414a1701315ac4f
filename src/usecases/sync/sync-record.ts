import { getIssue } from '../../adapters/jira/issues';
import { findIssuesByWaveId } from '../../adapters/jira/issue-search';
import type { CreateIntent } from '../../adapters/storage/create-intent';
import type { WaveLinkKind } from '../../adapters/storage/keys';
import { acquireRecordLock, type HeldRecordLock } from '../../adapters/storage/record-lock';
import {
  commitRecord,
  readRecordState,
  releaseRecordAfterFailure,
  type UnrecordedWrites,
} from '../../adapters/storage/record-store';
import type { Draft, IssueRef, ProjectTarget, SyncPlan, TransitionBlockReason } from '../../domain/sync';
import { UnavailableError } from '../../shared/errors';
import { sleep } from '../../shared/retry';
import type { SyncContext } from '../sync-context';
import { executePlan, IssueGoneError, type ExecutedPlan, type PlanTarget } from './execute-plan';
import type { SyncResult } from './sync-result';

/**
 * Jira's search lags behind writes (a few seconds): an issue created this recently whose id was never recorded
 * (the create's answer was lost) may not be found by its `wave-link` property yet, so the delivery is retried
 * once search can show it, rather than risk a second issue.
 */
const SEARCH_SETTLES_MS = 5_000;

interface RecordLink {
  issue: IssueRef;
  projectKey: string;
}

/** One kind of Wave record as the pipeline syncs it: what differs between invoices and customers. */
export interface RecordKind<TLink extends RecordLink, TFacts> {
  kind: WaveLinkKind;
  /** What Wave says about the record now; `{finished}` ends the delivery (gone, ignored) with nothing to apply. */
  read(link: TLink | null): Promise<TFacts | { finished: SyncResult }>;
  /** The project the record's issue lives in (the link's, or where routing sends a new one). */
  project(link: TLink | null, facts: TFacts): Promise<ProjectTarget>;
  plan(facts: TFacts, link: TLink | null, project: ProjectTarget): SyncPlan<Draft<TLink>>;
  /** The plan after the link's issue turned out deleted (404): the record as a new issue; undefined: give up. */
  recreate(facts: TFacts, link: TLink, project: ProjectTarget): SyncPlan<Draft<TLink>> | undefined;
  /** Worklog keys an earlier, interrupted execution may already have written. */
  unconfirmedWorklogKeys?(link: TLink | null): ReadonlySet<string>;
  onTransitionBlocked?(plan: SyncPlan<Draft<TLink>>, reason: TransitionBlockReason): SyncPlan<Draft<TLink>>;
  /** The delivery's result once the plan ran. */
  result(executed: ExecutedPlan<TLink>, facts: TFacts, link: TLink | null): SyncResult;
}

export interface RecordRequest {
  waveId: string;
  /** The event being applied (deduplicated); none for a state applied on the side (a customer with its invoice). */
  eventId?: string;
}

/**
 * The one sync pipeline, for every kind of record: lock the record → read its link, whether the event was already
 * applied, and any creation a failed delivery left in flight (one request) → read Wave → plan → run the plan against
 * Jira → save the link, mark the event applied and log the delivery (one transaction). Two KVS writes per delivery:
 * nothing is written ahead of Jira. A delivery that fails records what it asked of Jira as it lets go; one that dies
 * leaves its lock, and the next holder treats everything it could have written as possibly there.
 */
export async function syncRecord<TLink extends RecordLink, TFacts>(
  ctx: SyncContext,
  spec: RecordKind<TLink, TFacts>,
  request: RecordRequest,
): Promise<SyncResult> {
  const { waveId, eventId } = request;
  const lock = await acquireRecordLock(spec.kind, waveId, ctx.budget);
  const finish = async (result: SyncResult, link?: TLink, newIssueId?: string): Promise<SyncResult> => {
    const activity = ctx.activityOf?.(result);
    await commitRecord({
      lock,
      kind: spec.kind,
      waveId,
      ...(eventId !== undefined && result.outcome !== 'duplicate' ? { eventId } : {}),
      ...(result.issueKey ? { issueKey: result.issueKey } : {}),
      ...(link ? { link } : {}),
      ...(newIssueId ? { newIssueId } : {}),
      ...(activity ? { activity } : {}),
      now: ctx.budget.now(),
    });
    return activity ? { ...result, logged: true } : result;
  };
  const unrecorded: UnrecordedWrites<TLink> = {};
  try {
    const state = await readRecordState<TLink>(spec.kind, waveId, eventId ?? '-');
    const link = state.link ?? null;
    if (eventId !== undefined && state.done) {
      return await finish({ outcome: 'duplicate', issueKey: link?.issue.key, notes: [] });
    }
    const facts = await spec.read(link);
    if (isFinished(facts)) return await finish(facts.finished);

    const project = await spec.project(link, facts);
    const plan = spec.plan(facts, link, project);
    const target: PlanTarget<TLink> = {
      project,
      keepWriteAhead: (ahead) => {
        unrecorded.linkAhead = ahead;
      },
      beforeCreate: () => {
        unrecorded.createSentAt = ctx.budget.now();
        delete unrecorded.created;
      },
      afterCreate: (issue) => {
        unrecorded.created = issue;
      },
      findLostCreate: async () =>
        (await findCreated(ctx, spec.kind, waveId, unrecorded.createSentAt ?? ctx.budget.now()))?.issue,
      unconfirmedWorklogKeys: lock.inheritedWritesUntil
        ? worklogKeysOf(plan)
        : (spec.unconfirmedWorklogKeys?.(link) ?? new Set()),
      ...(spec.onTransitionBlocked ? { onTransitionBlocked: spec.onTransitionBlocked } : {}),
      ...(link ? {} : { adopted: await adoptOrphan(ctx, spec.kind, waveId, creationInFlight(state.intent, lock)) }),
    };

    let executed: ExecutedPlan<TLink>;
    try {
      executed = await executePlan(ctx, plan, target);
    } catch (error) {
      const again = error instanceof IssueGoneError && link ? spec.recreate(facts, link, project) : undefined;
      if (!again) throw error;
      executed = await executePlan(ctx, again, { ...target, unconfirmedWorklogKeys: new Set() });
    }
    const newIssueId = executed.issue && executed.issue.id !== link?.issue.id ? executed.issue.id : undefined;
    return await finish(spec.result(executed, facts, link), executed.link ?? undefined, newIssueId);
  } catch (error) {
    const failure = ctx.failureLog?.of(error);
    await releaseRecordAfterFailure(lock, spec.kind, waveId, unrecorded, failure);
    if (failure) ctx.failureLog?.logged(error);
    throw error;
  }
}

const worklogKeysOf = (plan: SyncPlan<unknown>): ReadonlySet<string> =>
  new Set(plan.steps.flatMap((step) => (step.kind === 'add-worklog' ? [step.key] : [])));

/**
 * A creation that may have happened without a link: one a failed delivery recorded, or one a dead holder may have
 * sent before it died (at the latest when its lease ran out).
 */
function creationInFlight(intent: CreateIntent | undefined, lock: HeldRecordLock): CreateIntent | undefined {
  if (intent?.issue || lock.inheritedWritesUntil === undefined) return intent;
  return { at: Math.max(intent?.at ?? 0, lock.inheritedWritesUntil) };
}

function isFinished<TFacts>(facts: TFacts | { finished: SyncResult }): facts is { finished: SyncResult } {
  return typeof facts === 'object' && facts !== null && 'finished' in facts;
}

/**
 * An issue that carries this record's id although no link points at it: a creation whose delivery failed after
 * Jira answered (found by id), or whose answer was lost (found by search, once search can see it).
 */
async function adoptOrphan(
  ctx: SyncContext,
  kind: WaveLinkKind,
  waveId: string,
  intent: CreateIntent | undefined,
): Promise<PlanTarget<RecordLink>['adopted']> {
  if (!intent) return undefined;
  if (intent.issue) {
    const found = await getIssue(ctx.jira, intent.issue.id, { fields: ['status'] });
    return found ? { issue: intent.issue, statusId: found.fields.status?.id ?? null } : undefined;
  }
  return findCreated(ctx, kind, waveId, intent.at);
}

/**
 * The issue a create request sent at `sentAt` made, by its `wave-link` property, once search can show it: waiting
 * for search here (the record stays locked) costs less than a refusal and Wave's backoff. Throws UnavailableError
 * when the budget cannot wait that long.
 */
async function findCreated(
  ctx: SyncContext,
  kind: WaveLinkKind,
  waveId: string,
  sentAt: number,
): Promise<PlanTarget<RecordLink>['adopted']> {
  const search = async () => {
    const [found] = await findIssuesByWaveId(ctx.jira, waveId, { kind, fields: ['status'] });
    return found ? { issue: { id: found.id, key: found.key }, statusId: found.fields.status?.id ?? null } : undefined;
  };
  const found = await search();
  const unsettledMs = sentAt + SEARCH_SETTLES_MS - ctx.budget.now();
  if (found || unsettledMs <= 0) return found;
  if (!ctx.budget.canWait(unsettledMs)) {
    throw new UnavailableError(
      "an issue for this record may have just been created and Jira's search cannot show it yet; try again shortly",
      Math.max(1, Math.ceil(unsettledMs / 1000)),
    );
  }
  await sleep(unsettledMs);
  return search();
}
