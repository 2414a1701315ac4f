import { runKeeper } from '../../usecases/keeper/run-keeper';

/** `scheduledTrigger` keeper (hourly). */
export async function keeper(): Promise<void> {
  await runKeeper();
}
