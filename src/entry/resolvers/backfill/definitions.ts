import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { fromDateProblem, getBackfillProgress, startBackfill } from '../../../usecases/backfill';
import { define } from '../core/define';
import { noInput } from '../core/schemas';
import { backfillView } from './backfill-view';

const backfillInput = z.strictObject({
  fromDate: z
    .string({ error: 'choose the first day to import' })
    .trim()
    .min(1, 'choose the first day to import')
    .superRefine((fromDate, ctx) => {
      const problem = fromDateProblem(fromDate, Date.now());
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

/** The admin page's import of older Wave invoices. */
export function defineBackfill(resolver: Resolver): void {
  define(resolver, 'startBackfill', {
    access: 'jira-admin',
    input: backfillInput,
    handle: async (input) => backfillView(await startBackfill({ fromDate: input.fromDate })),
  });

  define(resolver, 'getBackfillProgress', {
    access: 'jira-admin',
    input: noInput,
    handle: async () => backfillView(await getBackfillProgress()),
  });
}
