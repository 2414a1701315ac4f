import type { BackfillProgress } from '../../../usecases/backfill';
import type { BackfillStatusView, BackfillView } from '../api';

/** The backfill as the admin page shows it: progress and outcome, not the run's id or walk position. */
export function backfillView(progress: BackfillProgress | null, serverNow: number): BackfillStatusView {
  if (!progress) return { backfill: null, serverNow };
  const { runId: _internal, ...shown } = progress;
  const view: BackfillView = shown;
  return { backfill: view, serverNow };
}
