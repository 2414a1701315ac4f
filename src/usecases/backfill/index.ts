/** What the admin page's resolvers call for the backfill. */
export { fromDateProblem, startBackfill } from './start-backfill';
export { getBackfillProgress, type BackfillProgress } from './backfill-progress';
export { cancelBackfill } from './cancel-backfill';
export { firstRun, type FirstRun } from './first-run';
