import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { strictObject } from '../../../shared/validation';
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

const backfillInput = strictObject({
  fromDate: v.pipe(
    v.string('choose the first day to import'),
    v.trim(),
    v.minLength(1, 'choose the first day to import'),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = dataset.typed ? fromDateProblem(dataset.value, Date.now()) : undefined;
      if (problem) addIssue({ message: problem });
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
