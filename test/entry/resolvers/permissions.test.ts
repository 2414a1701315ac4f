import { secretsStatus } from '../../../src/adapters/storage/secrets';
import { getAppConfig } from '../../../src/adapters/storage/config';
import { definedResolverNames } from '../../../src/entry/resolvers/core/define';
import type { ResolverName } from '../../../src/entry/resolvers/api';
import { ADMIN, PLAIN_USER, startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

const PROJECT_RESOLVERS: ResolverName[] = [
  'getProjectMapping',
  'previewProjectMapping',
  'saveProjectMapping',
  'countIssuesToRemap',
  'applyMappingToIssues',
  'getMappingApplyProgress',
  'routeBusinessToProject',
];

/** A payload each resolver would accept from an admin, so only the permission can refuse it. */
const VALID_PAYLOADS: Partial<Record<ResolverName, unknown>> = {
  saveWaveClient: { clientId: 'client', clientSecret: 'client-secret-value' },
  usePastedToken: { accessToken: 'a-full-access-token-0123456789' },
  rotateSigningSecret: { secret: 'whsec_0123456789abcdef', graceHours: 24 },
  saveDefaults: {
    defaultProjectKey: 'BILL',
    businessProjects: {},
    invoiceIssueType: 'Invoice',
    customerIssueType: 'Account',
    features: { customerIssues: true, paymentWorklogs: true, issueLinks: true },
    worklogMinutes: 1,
  },
  replayDelivery: { eventId: 'evt_1' },
  startBackfill: { fromDate: '2026-01-01' },
  previewProjectMapping: { mapping: {} },
  saveProjectMapping: { mapping: { PAID: '10105' } },
  routeBusinessToProject: { businessId: 'QnVzaW5lc3M6MQ==' },
};

describe('every resolver checks the caller in Jira first', () => {
  it('defines the whole API', () => {
    expect(definedResolverNames().sort()).toEqual(
      [
        'applyMappingToIssues',
        'cancelBackfill',
        'countIssuesToRemap',
        'disconnectWave',
        'getActivityChart',
        'getBackfillProgress',
        'getConnection',
        'getDefaults',
        'getFirstRun',
        'getHealth',
        'getMappingApplyProgress',
        'getProjectMapping',
        'getRefusals',
        'getWebhookSettings',
        'listActivity',
        'previewProjectMapping',
        'replayDelivery',
        'rotateSigningSecret',
        'routeBusinessToProject',
        'saveDefaults',
        'saveProjectMapping',
        'saveWaveClient',
        'sendTestEvent',
        'startBackfill',
        'startWaveConnect',
        'usePastedToken',
      ].sort(),
    );
  });

  it.each(definedResolverNames())('%s refuses a user who is neither Jira admin nor project admin', async (name) => {
    const caller = PROJECT_RESOLVERS.includes(name)
      ? { accountId: PLAIN_USER, projectKey: 'BILL' }
      : { accountId: PLAIN_USER };
    const answer = await harness.call(name, VALID_PAYLOADS[name] ?? {}, caller);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/administrators/) },
    });
  });

  it('refuses before reading the input: invalid input from a non-admin still gets FORBIDDEN', async () => {
    const answer = await harness.call(
      'rotateSigningSecret',
      { secret: 'short', graceHours: -1 },
      { accountId: PLAIN_USER },
    );
    expect(answer.ok === false && answer.error.code).toBe('FORBIDDEN');
  });

  it('a refused write changes nothing', async () => {
    await harness.call('rotateSigningSecret', VALID_PAYLOADS.rotateSigningSecret, { accountId: PLAIN_USER });
    await harness.call('saveWaveClient', VALID_PAYLOADS.saveWaveClient, { accountId: PLAIN_USER });
    await harness.call('saveProjectMapping', VALID_PAYLOADS.saveProjectMapping, {
      accountId: PLAIN_USER,
      projectKey: 'BILL',
    });
    expect(await secretsStatus()).toEqual({
      webhookSigningSecretSet: false,
      waveOAuthClientSet: false,
      waveTokensSet: false,
    });
    expect((await getAppConfig()).statusMappings).toEqual({});
  });

  it('refuses an invocation without a user, without asking Jira', async () => {
    const before = harness.jira.control.stats().total;
    const answer = await harness.call('getWebhookSettings', {}, {});
    expect(answer.ok === false && answer.error.code).toBe('FORBIDDEN');
    expect(harness.jira.control.stats().total).toBe(before);
  });

  it('lets a Jira admin in', async () => {
    const answer = await harness.call('getWebhookSettings', {}, { accountId: ADMIN });
    expect(answer).toEqual({
      ok: true,
      data: {
        webhookUrl: 'https://local.test/webtrigger/wave-webhook',
        signing: { set: false },
        serverNow: expect.any(Number),
      },
    });
  });

  it('lets a project admin edit their project, and says so when the project does not exist', async () => {
    const saved = await harness.call(
      'saveProjectMapping',
      { mapping: { PAID: '10105' } },
      { accountId: ADMIN, projectKey: 'BILL' },
    );
    expect(saved.ok).toBe(true);
    const missing = await harness.call('getProjectMapping', {}, { accountId: ADMIN, projectKey: 'NOPE' });
    expect(missing.ok === false && missing.error).toEqual({
      code: 'NOT_FOUND',
      message: 'Project NOPE does not exist or you cannot see it.',
    });
  });

  it('answers UNAVAILABLE, not FORBIDDEN, when Jira cannot be asked', async () => {
    harness.forge.setJira(async () => {
      throw new TypeError('fetch failed');
    });
    const answer = await harness.call('getWebhookSettings', {}, { accountId: ADMIN });
    expect(answer.ok === false && answer.error.code).toBe('UNAVAILABLE');
  }, 30_000);
});
