/**
 * `npm start`: the whole stack on one port (default 8080), data in DATA_DIR (default .local/).
 * Prints where everything is; never a secret.
 */
import path from 'node:path';
import { seedLocalApp } from './seed-app';
import { WEB_TRIGGER_KEYS } from '../src/adapters/forge/web-triggers';
import { seedDemoWork } from './seed-work';
import { startLocalStack, type LocalStack } from './server';

const DEFAULT_PORT = 8080;

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got '${value}'`);
  return port;
}

function describe(stack: LocalStack, dataDir: string): string {
  const env = process.env;
  const lines = [
    '',
    `Local stack running at ${stack.baseUrl} (data in ${dataDir})`,
    `  Admin page:              ${stack.baseUrl}/admin/`,
    `  Project settings:        ${stack.baseUrl}/projects/BILL/settings/`,
    `  Wave webhook URL:        ${stack.webhookUrl(WEB_TRIGGER_KEYS.waveWebhook)}`,
    `  Jira ${env.JIRA_BASE_URL ? `site:               ${env.JIRA_BASE_URL} (real, basic auth)` : `sandbox:            ${stack.baseUrl}/jira/`}`,
    `  Wave ${env.WAVE_REAL === '1' ? 'API:                https://gql.waveapps.com (real)' : `sandbox:            ${stack.baseUrl}/wave/`}`,
    ...(env.JIRA_BASE_URL
      ? []
      : [
          `  Issues:                  ${stack.baseUrl}/jira/ (each issue at /jira/browse/<KEY>, e.g. /jira/browse/BILL-1, /jira/browse/ACME-1)`,
          `  Dashboard:               ${stack.baseUrl}/jira/dashboard (the app's gadgets)`,
          `  Jira REST API:           ${stack.baseUrl}/jira/rest/api/3 (API tokens: local/jira-sandbox/README.md)`,
          `  Platform settings:       ${stack.baseUrl}/jira/_sandbox/settings and ${stack.baseUrl}/_local/settings (every limit on)`,
        ]),
    `  Health:                  ${stack.baseUrl}/_local/health`,
    `  Move the clock:          curl -X POST ${stack.baseUrl}/_local/clock/advance -H 'content-type: application/json' -d '{"ms": 3600000}'`,
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR || '.local');
  const stack = await startLocalStack({
    port: portFrom(process.env.PORT),
    dataDir,
    seed: async (started) => {
      await seedLocalApp(started, process.env.JIRA_PROJECT_KEY || undefined);
      await seedDemoWork(started, process.env);
    },
  });
  process.stdout.write(`${describe(stack, dataDir)}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping\n`);
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`could not start the local stack: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
