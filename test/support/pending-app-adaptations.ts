import type { JiraSettingsUpdate } from '../../local/jira-sandbox';
import type { RuntimeSettingsUpdate } from '../../local/runtime';

/**
 * The platform behaviours (issue 12) that existing app-level tests still fail under, switched off by
 * default in the test stack until the app meets them. Each entry names the tests that needed it;
 * delete the entry once the app handles the behaviour, and a test can switch it back on with
 * `startTestStack({ runtimeSettings: { kvsQuotas: true } })`. The sandboxes' own contract tests
 * (test/local) and `npm start` run with every behaviour on.
 */
export const PENDING_APP_ADAPTATIONS: { jira: JiraSettingsUpdate; runtime: RuntimeSettingsUpdate } = {
  jira: {
    // test/integration/faults-and-tokens.test.ts ("rides out a storm of 5xx and 429s", intermittently):
    // a delivery retried after a 5xx that came after the issue was created searches by Wave id before
    // the search index has the issue (created 1.4 s before) and creates a second one. The app does not
    // yet pass the created issue to reconcileIssues on that path.
    searchLagMs: 0,
  },
  runtime: {
    // test/keeper/backfill.test.ts ("stops as failed … and resumes"): the app does not yet back off
    // on KVS 429 RATE_LIMIT_EXCEEDED, and 800 backfilled invoices pass 4,000 KVS writes a minute.
    kvsQuotas: false,
  },
};
