import { randomUUID } from 'node:crypto';
import { pushWork } from '../../adapters/queue/work-queue';
import { getBackfill, saveBackfill, type BackfillRecord } from '../../adapters/storage/backfill-state';
import { getAppConfig } from '../../adapters/storage/config';
import { getWaveTokens } from '../../adapters/storage/secrets';
import { walkFrom } from '../../domain/keeper/walk-position';
import { BadRequestError, ConflictError, NotConfiguredError } from '../../shared/errors';
import { BACKFILL_STALL_MS } from './backfill-timing';
import { progressOf, type BackfillProgress } from './backfill-progress';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a YYYY-MM-DD day, or undefined for other shapes and impossible days. */
function dayStart(fromDate: string): number | undefined {
  const match = DATE.exec(fromDate);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === fromDate ? ms : undefined;
}

/** Why `fromDate` cannot start a backfill (as the end of a sentence about it), or undefined. */
export function fromDateProblem(fromDate: string, now: number): string | undefined {
  const ms = dayStart(fromDate.trim());
  if (ms === undefined) return 'must be a day as YYYY-MM-DD';
  if (ms > now) return 'is in the future: there is nothing to import yet';
  return undefined;
}

/** Midnight UTC of a YYYY-MM-DD day; refuses other shapes, impossible days and days to come. */
export function parseFromDate(fromDate: string, now: number): number {
  const problem = fromDateProblem(fromDate, now);
  const ms = dayStart(fromDate.trim());
  if (problem !== undefined || ms === undefined)
    throw new BadRequestError(`fromDate ${problem ?? 'must be a day as YYYY-MM-DD'}`);
  return ms;
}

/**
 * Imports the Wave invoices created or changed on or after `fromDate` (UTC), page by page through
 * the work queue. A failed or interrupted backfill from the same date resumes where it stopped;
 * invoices already in Jira are left alone, so running it again creates nothing new.
 */
export async function startBackfill(input: { fromDate: string }): Promise<BackfillProgress> {
  const now = Date.now();
  const fromMs = parseFromDate(input.fromDate, now);
  const fromDate = input.fromDate.trim();
  if (!(await getWaveTokens())) throw new NotConfiguredError('connect Wave before importing its invoices');
  if (!(await getAppConfig()).defaultProjectKey)
    throw new NotConfiguredError('choose the Jira project for Wave invoices before importing them');

  const current = await getBackfill();
  const alive = current?.state === 'running' && now - current.updatedAt < BACKFILL_STALL_MS;
  if (current && alive) {
    if (current.fromDate === fromDate) return progressOf(current);
    throw new ConflictError(`a backfill from ${current.fromDate} is running; wait for it to finish`);
  }
  const record =
    current && current.state !== 'done' && current.fromDate === fromDate
      ? resumed(current, now)
      : fresh(fromDate, fromMs, now);
  await saveBackfill(record);
  await pushWork({ kind: 'backfill', runId: record.runId });
  return progressOf(record);
}

function resumed(current: BackfillRecord, now: number): BackfillRecord {
  const { lastError: _cleared, finishedAt: _reopened, ...rest } = current;
  return { ...rest, state: 'running', updatedAt: now };
}

function fresh(fromDate: string, fromMs: number, now: number): BackfillRecord {
  return {
    runId: randomUUID(),
    fromDate,
    state: 'running',
    done: 0,
    total: 0,
    created: 0,
    alreadyInJira: 0,
    skipped: 0,
    startedAt: now,
    updatedAt: now,
    position: walkFrom(fromMs),
  };
}
