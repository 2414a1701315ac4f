import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { strictObject } from '../../../shared/validation';
import { DELIVERY_OUTCOMES } from '../../../adapters/storage/activity-log';
import { replayDelivery } from '../../../usecases/intake/replay-delivery';
import { describeOutcome, isAcknowledged } from '../../../usecases/intake/intake-outcome';
import { define } from '../core/define';
import { noInput, wholeNumberSchema } from '../core/schemas';
import { activityChart } from './activity-chart';
import { activityGroups } from './activity-page';
import { groupView } from './group-view';
import { readableWaveIds } from './readable-ids';
import { refusalSummary } from './refusal-summary';

const listInput = strictObject({
  outcome: v.optional(v.picklist(DELIVERY_OUTCOMES, `must be one of ${DELIVERY_OUTCOMES.join(', ')}`)),
  cursor: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4000, 'is not a cursor this page handed out'))),
  limit: v.optional(
    wholeNumberSchema({
      notWhole: 'must be a whole number',
      min: 1,
      belowMin: 'must be at least 1',
      max: 100,
      aboveMax: 'must be at most 100',
    }),
  ),
});

const chartInput = strictObject({
  days: v.optional(
    wholeNumberSchema({
      notWhole: 'must be a whole number of days',
      min: 1,
      belowMin: 'must be at least 1 day',
      max: 30,
      aboveMax: 'must be at most 30 days (older deliveries are not kept)',
    }),
  ),
});

const replayInput = strictObject({
  eventId: v.pipe(
    v.string('say which delivery to replay'),
    v.minLength(1, 'say which delivery to replay'),
    v.maxLength(200, 'is not a Wave event id'),
  ),
});

/** The Activity section of the admin page. */
export function defineActivity(resolver: Resolver): void {
  define(resolver, 'listActivity', {
    access: 'jira-admin',
    input: listInput,
    handle: async (input, { budget }) => {
      const page = await activityGroups({
        limit: input.limit ?? 20,
        ...(input.outcome ? { outcome: input.outcome } : {}),
        ...(input.cursor ? { cursor: input.cursor } : {}),
      });
      const readable = await readableWaveIds(page.groups.map((group) => group.attempts[0]?.reason));
      return {
        groups: page.groups.map((group) => groupView(group, readable)),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        serverNow: budget.now(),
      };
    },
  });

  define(resolver, 'getActivityChart', {
    access: 'jira-admin',
    input: chartInput,
    handle: (input, { budget }) => activityChart(input.days ?? 14, budget.now()),
  });

  define(resolver, 'getRefusals', {
    access: 'jira-admin',
    input: noInput,
    handle: (_input, { budget }) => refusalSummary(budget.now()),
  });

  define(resolver, 'replayDelivery', {
    access: 'jira-admin',
    input: replayInput,
    handle: async (input) => {
      const outcome = await replayDelivery(input.eventId);
      return {
        outcome: outcome.kind,
        message: isAcknowledged(outcome)
          ? `Replayed: ${describeOutcome(outcome)}.`
          : `The replay failed again: ${describeOutcome(outcome)}. It is listed under Activity.`,
      };
    },
  });
}
