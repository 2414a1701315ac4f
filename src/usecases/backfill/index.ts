/** What the admin page's resolvers call for the backfill. */
export { fromDateProblem, startBackfill } from './start-backfill';
export { getBackfillProgress, type BackfillProgress } from './backfill-progress';
