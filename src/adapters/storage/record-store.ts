import { randomUUID } from 'node:crypto';
import type { DeliveryRecord } from './activity-log';
import { deliveryEntity, storedDelivery } from './activity-log';
import { INTENT_TTL, type CreateIntent } from './create-intent';
import { batchRead } from './batch-read';
import { appliedEvent, EVENT_TTL, type EventRecord } from './event-dedupe';
import { keptDeliveryItem, type KeptDelivery } from './failed-deliveries';
import { kvs } from './kvs';
import { storageKeys, type WaveLinkKind } from './keys';
import type { HeldLock } from './kvs-lock';

/** What is stored about one Wave record when a delivery for it starts: read in one request. */
export interface RecordState<TLink> {
  link: TLink | undefined;
  /** This delivery's event was already applied. */
  done: boolean;
  intent: CreateIntent | undefined;
}

export async function readRecordState<TLink>(
  kind: WaveLinkKind,
  waveId: string,
  eventId: string,
): Promise<RecordState<TLink>> {
  const keys = {
    link: storageKeys.link(kind, waveId),
    event: storageKeys.event(eventId),
    intent: storageKeys.createIntent(kind, waveId),
  };
  const stored = await batchRead(keys);
  return {
    link: stored.link as TLink | undefined,
    done: appliedEvent(stored.event) !== undefined,
    intent: stored.intent as CreateIntent | undefined,
  };
}

type Transaction = ReturnType<typeof kvs.transact>;

function withActivity(transaction: Transaction, activity: DeliveryRecord): Transaction {
  const { entity, ttl } = deliveryEntity();
  return transaction.set(
    storageKeys.deliveryLog(activity.receivedAt, randomUUID()),
    storedDelivery(activity),
    { entityName: entity },
    { ttl },
  );
}

/** The end of a delivery for one record: everything it leaves in storage, written in one transaction. */
export interface RecordCommit<TLink> {
  lock: HeldLock;
  kind: WaveLinkKind;
  waveId: string;
  /** The event to mark applied (a duplicate is already marked), and the issue it was applied to. */
  eventId?: string;
  issueKey?: string;
  /** The record's link to save; undefined leaves it as it is. */
  link?: TLink;
  /** A first issue for the record: it can find its way back, and the create intent is settled. */
  newIssueId?: string;
  /** The delivery's activity-log entry. */
  activity?: DeliveryRecord;
  now: number;
}

/**
 * Releases the record's lock, saves its link, marks the event applied, settles a creation and logs the delivery,
 * as one write: a delivery costs two KVS writes (this and taking the lock). The lock is deleted without an owner
 * check (a transaction cannot compare a plain value): its lease is well above the budget of the invocation that
 * holds it, so it cannot have passed to another.
 */
export async function commitRecord<TLink>(commit: RecordCommit<TLink>): Promise<void> {
  const { kind, waveId } = commit;
  let transaction = kvs.transact().delete(commit.lock.key);
  if (commit.link !== undefined) transaction = transaction.set(storageKeys.link(kind, waveId), commit.link);
  if (commit.eventId !== undefined) {
    const done: EventRecord = {
      state: 'done',
      claimedAt: commit.now,
      ...(commit.issueKey ? { issueKey: commit.issueKey } : {}),
    };
    transaction = transaction.set(storageKeys.event(commit.eventId), done, undefined, { ttl: EVENT_TTL });
  }
  if (commit.newIssueId !== undefined) {
    transaction = transaction
      .set(storageKeys.issueBacklink(commit.newIssueId), { kind, waveId })
      .delete(storageKeys.createIntent(kind, waveId));
  }
  if (commit.activity) transaction = withActivity(transaction, commit.activity);
  await transaction.execute();
}

/** What a failed delivery had asked of Jira that no link records yet. */
export interface UnrecordedWrites<TLink> {
  /** Epoch ms of the create request, when one was sent. */
  createSentAt?: number;
  /** The issue the create made, when Jira answered. */
  created?: { id: string; key: string };
  /** The link written ahead of the worklogs, once the first worklog request was sent. */
  linkAhead?: TLink;
}

/** How a failed delivery is logged: its activity-log entry, and its body when it can be kept for a replay. */
export interface FailureLog {
  activity: DeliveryRecord;
  kept?: KeptDelivery;
}

/**
 * Lets go of a record after a failed delivery, in one write with the failure's log and what the delivery had asked
 * of Jira without recording it: the creation in flight (the issue, if Jira answered), so the retry adopts the issue
 * by id or looks for it instead of creating another; the worklogs in flight, so the retry looks for them before
 * adding them again.
 */
export async function releaseRecordAfterFailure<TLink>(
  lock: HeldLock,
  kind: WaveLinkKind,
  waveId: string,
  unrecorded: UnrecordedWrites<TLink>,
  failure?: FailureLog,
): Promise<void> {
  const { createSentAt, created, linkAhead } = unrecorded;
  if (createSentAt === undefined && linkAhead === undefined && failure === undefined) return lock.release();
  let transaction = kvs.transact().delete(lock.key);
  if (createSentAt !== undefined) {
    const intent: CreateIntent = { at: createSentAt, ...(created ? { issue: created } : {}) };
    transaction = transaction.set(storageKeys.createIntent(kind, waveId), intent, undefined, { ttl: INTENT_TTL });
  }
  if (linkAhead !== undefined) transaction = transaction.set(storageKeys.link(kind, waveId), linkAhead);
  if (failure?.kept) {
    const { key, value, ttl } = keptDeliveryItem(failure.kept);
    transaction = transaction.set(key, value, undefined, { ttl });
  }
  if (failure) transaction = withActivity(transaction, failure.activity);
  await transaction.execute();
}
