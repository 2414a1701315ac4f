import { getAppConfig } from '../../../src/adapters/storage/config';
import { getWebhookVerificationSecrets, getWaveOAuthClient } from '../../../src/adapters/storage/secrets';
import { ADMIN, startResolverHarness, type ResolverHarness } from './support/resolver-harness';

let harness: ResolverHarness;
beforeEach(async () => {
  harness = await startResolverHarness();
});
afterEach(() => harness.close());

const fieldsOf = (answer: { ok: boolean; error?: { code: string; fields?: Record<string, string> } }) => {
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('INVALID_INPUT');
  return answer.error?.fields ?? {};
};

const DEFAULTS = {
  defaultProjectKey: 'BILL',
  businessProjects: {},
  invoiceIssueType: 'Invoice',
  customerIssueType: 'Account',
  features: { customerIssues: true, paymentWorklogs: true, issueLinks: true },
  worklogMinutes: 5,
};

describe('input is validated with messages a person can act on', () => {
  it('names each wrong field of the signing secret form', async () => {
    const fields = fieldsOf(await harness.call('rotateSigningSecret', { secret: 'short', graceHours: 500 }));
    expect(fields).toEqual({
      secret: expect.stringContaining('at least 16 characters'),
      graceHours: expect.stringContaining('at most 168 hours'),
    });
    expect(await getWebhookVerificationSecrets()).toEqual([]);
  });

  it('refuses fields it does not know', async () => {
    const answer = await harness.call('sendTestEvent', { force: true });
    expect(answer.ok === false && answer.error.code).toBe('INVALID_INPUT');
  });

  it('refuses a pasted token with spaces before asking Wave', async () => {
    const fields = fieldsOf(await harness.call('usePastedToken', { accessToken: 'Bearer abcdefghijklmnopqrstuvwxyz' }));
    expect(fields.accessToken).toContain('without spaces');
  });

  it('checks the defaults against the site: project keys, existing projects and their issue types', async () => {
    expect(
      fieldsOf(await harness.call('saveDefaults', { ...DEFAULTS, defaultProjectKey: 'bill' })).defaultProjectKey,
    ).toContain('project key such as BILL');
    expect(
      fieldsOf(await harness.call('saveDefaults', { ...DEFAULTS, defaultProjectKey: 'ZZZ' })).defaultProjectKey,
    ).toBe('project ZZZ does not exist or the app cannot see it');
    expect(
      fieldsOf(await harness.call('saveDefaults', { ...DEFAULTS, defaultProjectKey: 'OPS' })).invoiceIssueType,
    ).toBe('project OPS has no issue type "Invoice"');
    expect(fieldsOf(await harness.call('saveDefaults', { ...DEFAULTS, worklogMinutes: 0 })).worklogMinutes).toContain(
      'at least 1 minute',
    );
    expect((await getAppConfig()).defaultProjectKey).toBeUndefined();
  });

  it('saves valid defaults and keeps the project mappings', async () => {
    await harness.call('saveProjectMapping', { mapping: { PAID: '10105' } }, { accountId: ADMIN, projectKey: 'BILL' });
    const answer = await harness.call('saveDefaults', DEFAULTS);
    expect(answer.ok && answer.data).toMatchObject({
      defaultProjectKey: 'BILL',
      invoiceIssueType: 'Invoice',
      worklogMinutes: 5,
    });
    const config = await getAppConfig();
    expect(config).toMatchObject({
      defaultProjectKey: 'BILL',
      invoiceIssueType: { name: 'Invoice' },
      worklogSeconds: 300,
      statusMappings: { BILL: { PAID: '10105' } },
    });
  });

  it("accepts only this project's statuses in a mapping, and saves to the page's own project", async () => {
    const onBill = { accountId: ADMIN, projectKey: 'BILL' };
    expect(
      fieldsOf(await harness.call('saveProjectMapping', { mapping: { PAID: '3' } }, onBill))['mapping.PAID'],
    ).toContain("is not in BILL's workflow");
    expect(fieldsOf(await harness.call('saveProjectMapping', { mapping: { paid: '10105' } }, onBill))).toHaveProperty([
      'mapping.paid',
    ]);

    // The page's project wins over a project named in the payload.
    const saved = await harness.call(
      'saveProjectMapping',
      { projectKey: 'OPS', mapping: { PAID: '10105', SENT: '' } },
      onBill,
    );
    expect(saved.ok && saved.data.rows.find((row) => row.waveStatus === 'PAID')).toMatchObject({
      mappedStatusId: '10105',
      effective: { statusName: 'Paid', byDefault: false },
    });
    expect((await getAppConfig()).statusMappings).toEqual({ BILL: { PAID: '10105' } });
  });
});

describe('secrets are write-only', () => {
  it('never returns the OAuth client secret or the signing secret', async () => {
    const clientSecret = 'client-secret-DO-NOT-RETURN';
    const signingSecret = 'whsec_signing-secret-DO-NOT-RETURN-9z9z';
    const saved = await harness.call('saveWaveClient', { clientId: 'my-client', clientSecret });
    const rotated = await harness.call('rotateSigningSecret', { secret: signingSecret, graceHours: 24 });
    expect(await getWaveOAuthClient()).toEqual({ clientId: 'my-client', clientSecret });
    expect(await getWebhookVerificationSecrets()).toEqual([signingSecret]);

    const answers: Array<{ ok: boolean }> = [saved, rotated];
    for (const name of ['getConnection', 'getWebhookSettings', 'getHealth', 'getDefaults', 'listActivity'] as const)
      answers.push(await harness.call(name, {}));
    for (const answer of answers) {
      expect(answer.ok).toBe(true);
      const text = JSON.stringify(answer);
      expect(text).not.toContain(clientSecret);
      expect(text).not.toContain(signingSecret.slice(0, -4));
    }
    expect(rotated.ok && rotated.data.signing).toMatchObject({ set: true, hint: '9z9z' });
    expect(saved.ok && saved.data).toMatchObject({ clientIdSet: true, clientId: 'my-client', state: 'not-connected' });
  });

  it('keeps the previous signing secret for the grace period chosen', async () => {
    await harness.call('rotateSigningSecret', { secret: 'whsec_first-secret-0001', graceHours: 24 });
    const rotated = await harness.call('rotateSigningSecret', { secret: 'whsec_second-secret-0002', graceHours: 2 });
    expect(await getWebhookVerificationSecrets()).toEqual(['whsec_second-secret-0002', 'whsec_first-secret-0001']);
    const until = rotated.ok ? rotated.data.signing.previousValidUntil : undefined;
    expect(until).toBeGreaterThan(Date.now() + 2 * 60 * 60_000 - 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 2 * 60 * 60_000);
    expect(await getWebhookVerificationSecrets(Date.now() + 2 * 60 * 60_000 + 1)).toEqual(['whsec_second-secret-0002']);
  });
});
