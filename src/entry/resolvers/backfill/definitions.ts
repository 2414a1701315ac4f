import type Resolver from '@forge/resolver';
import * as z from '../../../shared/zod';
import {
  cancelBackfill,
  firstRun,
  fromDateProblem,
  getBackfillProgress,
  startBackfill,
} from '../../../usecases/backfill';
import { define } from '../core/define';
import { noInput } from '../core/schemas';
import { backfillView } from './backfill-view';

const backfillInput = z.strictObject({
  fromDate: z.string({ error: 'choose the first day to import' }).check(
    z.trim(),
    z.minLength(1, 'choose the first day to import'),
    z.superRefine((fromDate: string, ctx) => {
      const problem = fromDateProblem(fromDate, Date.now());
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ),
});

/** The admin page's import of older Wave invoices, and the offer to import them on a fresh install. */
export function defineBackfill(resolver: Resolver): void {
  define(resolver, 'startBackfill', {
    access: 'jira-admin',
    input: backfillInput,
    handle: async (input, { budget }) => backfillView(await startBackfill({ fromDate: input.fromDate }), budget.now()),
  });

  define(resolver, 'getBackfillProgress', {
    access: 'jira-admin',
    input: noInput,
    handle: async (_input, { budget }) => backfillView(await getBackfillProgress(), budget.now()),
  });

  define(resolver, 'getFirstRun', {
    access: 'jira-admin',
    input: noInput,
    handle: async (_input, { budget }) => ({ ...(await firstRun(budget)), serverNow: budget.now() }),
  });

  define(resolver, 'cancelBackfill', {
    access: 'jira-admin',
    input: noInput,
    handle: async (_input, { budget }) => backfillView(await cancelBackfill(budget.now()), budget.now()),
  });
}
