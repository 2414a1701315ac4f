import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestStack, type TestStack } from '../test/support/test-stack';

/**
 * The seeded test stack on tmpfs when the machine has one. The sandboxes and the KVS write SQLite with
 * synchronous=FULL; on a disk those fsyncs block the one event loop that also runs the app, and the bench
 * would measure the local simulation's disk rather than the app (Jira and Forge's KVS are remote services).
 */
export function startBenchStack(): Promise<TestStack> {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  return startTestStack({ dataDir: fs.mkdtempSync(path.join(base, 'wave-jira-bench-')) });
}
