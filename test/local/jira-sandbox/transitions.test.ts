import { createIssue, type Json, useJiraSandbox } from './harness';

const sandbox = useJiraSandbox();

interface OfferedTransition {
  id: string;
  name: string;
  to: { id: string; name: string; statusCategory: { key: string } };
  hasScreen: boolean;
  isAvailable: boolean;
  isConditional: boolean;
  isGlobal: boolean;
}

async function transitions(issueId: string, as: 'app' | 'user' = 'app', query = ''): Promise<OfferedTransition[]> {
  const response = await sandbox.call('GET', `/rest/api/3/issue/${issueId}/transitions${query}`, { as });
  expect(response.status).toBe(200);
  return response.body.transitions;
}

async function statusOf(issueId: string): Promise<string> {
  return (await sandbox.call('GET', `/rest/api/3/issue/${issueId}?fields=status`)).body.fields.status.name;
}

describe('transitions', () => {
  it('offers the billing workflow transitions with their screens', async () => {
    const issue = await createIssue(sandbox);
    const offered = await transitions(issue.id);
    expect(offered.map((transition) => [transition.name, transition.to.name, transition.hasScreen])).toEqual([
      ['Ready to invoice', 'To Invoice', false],
      ['Cancel', 'Cancelled', true],
      ['Void', 'Cancelled', false],
    ]);
    expect(offered[0]).toMatchObject({ id: '11', isAvailable: true, isGlobal: false, isConditional: false });
  });

  it('hides conditional transitions from users who fail the condition unless asked', async () => {
    const issue = await createIssue(sandbox);
    expect((await transitions(issue.id, 'user')).map((transition) => transition.name)).toEqual([
      'Ready to invoice',
      'Cancel',
    ]);
    const all = await transitions(issue.id, 'user', '?includeUnavailableTransitions=true');
    expect(all.find((transition) => transition.name === 'Void')).toMatchObject({
      isAvailable: false,
      isConditional: true,
    });
    const refused = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, {
      as: 'user',
      body: { transition: { id: '72' } },
    });
    expect(refused.status).toBe(400);
  });

  it('reaches every status from Draft through screenless transitions', async () => {
    const reached = new Set<string>(['Draft']);
    const issue = await createIssue(sandbox);
    // Walk: Draft -> To Invoice -> Sent -> Partially Paid -> Overdue -> Paid, and Cancelled from a fresh issue.
    for (const target of ['To Invoice', 'Sent', 'Partially Paid', 'Overdue', 'Paid']) {
      const step = (await transitions(issue.id)).find(
        (transition) => transition.to.name === target && !transition.hasScreen && transition.isAvailable,
      );
      expect(step).toBeDefined();
      expect(
        (
          await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, {
            body: { transition: { id: step?.id } },
          })
        ).status,
      ).toBe(204);
      reached.add(await statusOf(issue.id));
    }
    const other = await createIssue(sandbox);
    const voidIt = (await transitions(other.id)).find(
      (transition) => transition.to.name === 'Cancelled' && !transition.hasScreen,
    );
    await sandbox.call('POST', `/rest/api/3/issue/${other.id}/transitions`, {
      body: { transition: { id: voidIt?.id } },
    });
    reached.add(await statusOf(other.id));
    expect([...reached].sort()).toEqual([
      'Cancelled',
      'Draft',
      'Overdue',
      'Paid',
      'Partially Paid',
      'Sent',
      'To Invoice',
    ]);
    const paid = await sandbox.call('GET', `/rest/api/3/issue/${issue.id}?fields=resolution,resolutiondate`);
    expect(paid.body.fields.resolution.name).toBe('Done');
    expect(paid.body.fields.resolutiondate).toBe('2026-01-17T12:00:00.000+0000');
  });

  it("answers an invalid transition with Jira's 400", async () => {
    const issue = await createIssue(sandbox);
    const response = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, {
      body: { transition: { id: '61' } },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errorMessages: ["Transition id '61' is not valid for this issue."], errors: {} });
    expect(await statusOf(issue.id)).toBe('Draft');
  });

  it('requires the required fields of a transition screen', async () => {
    const issue = await createIssue(sandbox);
    const withoutResolution = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, {
      body: { transition: { id: '71' } },
    });
    expect(withoutResolution.status).toBe(400);
    expect(withoutResolution.body).toEqual({ errorMessages: [], errors: { resolution: 'Resolution is required.' } });
    const withResolution = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, {
      body: { transition: { id: '71' }, fields: { resolution: { name: "Won't Do" } } },
    });
    expect(withResolution.status).toBe(204);
    expect(await statusOf(issue.id)).toBe('Cancelled');
  });

  it('refuses fields on a screenless transition', async () => {
    const issue = await createIssue(sandbox);
    const response = await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, {
      body: { transition: { id: '11' }, fields: { summary: 'x' } },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.summary).toBe(
      "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown.",
    );
  });

  it('runs OPS on the default workflow with global transitions', async () => {
    const issue = await createIssue(sandbox, { project: { key: 'OPS' }, issuetype: { name: 'Task' } });
    const offered = await transitions(issue.id);
    expect(offered.map((transition) => [transition.name, transition.isGlobal])).toEqual([
      ['In Progress', true],
      ['Done', true],
    ]);
    await sandbox.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, { body: { transition: { id: '31' } } });
    expect((await transitions(issue.id)).map((transition) => transition.name)).toEqual([
      'To Do',
      'In Progress',
      'Close',
    ]);
  });

  it('lists statuses, workflows and the transition screen fields', async () => {
    const statuses = await sandbox.call('GET', '/rest/api/3/project/BILL/statuses');
    expect(statuses.status).toBe(200);
    expect(statuses.body[0].statuses.map((status: { name: string }) => status.name)).toEqual([
      'Draft',
      'To Invoice',
      'Sent',
      'Partially Paid',
      'Overdue',
      'Paid',
      'Cancelled',
    ]);
    const search = await sandbox.call('GET', '/rest/api/3/statuses/search?statusCategory=DONE&projectId=10000');
    expect(search.body.values.map((status: { name: string }) => status.name)).toEqual(['Done', 'Paid', 'Cancelled']);
    expect((await sandbox.call('GET', '/rest/api/3/workflow/search')).status).toBe(200);
    const issue = await createIssue(sandbox);
    const withFields = await transitions(issue.id, 'app', '?expand=transitions.fields');
    const cancel = withFields.find((transition) => transition.id === '71') as unknown as {
      fields: Record<string, { required: boolean }>;
    };
    expect(cancel.fields.resolution?.required).toBe(true);
  });

  it("describes workflows as Jira does: screens and conditions of each transition, the project's workflow scheme", async () => {
    // The classic API lists transitions (with their screens) only when asked to.
    const bare = await sandbox.call('GET', '/rest/api/3/workflow/search?workflowName=Billing%20workflow');
    expect(bare.body.values[0]).toEqual({
      id: { name: 'Billing workflow', entityId: expect.any(String) },
      description: 'Invoices from draft to paid.',
    });
    const classic = await sandbox.call(
      'GET',
      '/rest/api/3/workflow/search?workflowName=Billing%20workflow&expand=transitions.rules,statuses',
    );
    const byName = new Map<string, Json>(
      classic.body.values[0].transitions.map((transition: Json) => [transition.name, transition]),
    );
    expect(byName.get('Send invoice')).toMatchObject({
      id: '21',
      from: ['10101'],
      to: '10102',
      type: 'directed',
      screen: { id: expect.any(String), name: expect.any(String) },
    });
    expect(byName.get('Mark as sent')).not.toHaveProperty('screen');
    expect(byName.get('Void').rules.conditionsTree).toEqual({
      nodeType: 'simple',
      type: 'PermissionCondition',
      configuration: { permissionKey: 'ADMINISTER_PROJECTS' },
    });
    expect(classic.body.values[0].statuses.map((status: Json) => status.id)).toEqual([
      '10100',
      '10101',
      '10102',
      '10103',
      '10104',
      '10105',
      '10106',
    ]);

    // Its replacement, bulk get workflows: by name or by project and issue type.
    const read = await sandbox.call('POST', '/rest/api/3/workflows', {
      body: { projectAndIssueTypes: [{ projectId: '10000', issueTypeId: '10010' }] },
    });
    expect(read.status).toBe(200);
    expect(read.body.workflows.map((workflow: Json) => workflow.name)).toEqual(['Billing workflow']);
    const transitionsOf = new Map<string, Json>(
      read.body.workflows[0].transitions.map((transition: Json) => [transition.name, transition]),
    );
    expect(transitionsOf.get('Send invoice')).toMatchObject({
      type: 'DIRECTED',
      toStatusReference: '10102',
      links: [{ fromStatusReference: '10101' }],
      transitionScreen: { ruleKey: 'system:transition-screen' },
    });
    expect(transitionsOf.get('Mark as sent')).not.toHaveProperty('transitionScreen');
    expect(transitionsOf.get('Void').conditions).toMatchObject({
      operation: 'ALL',
      conditions: [
        { ruleKey: 'system:restrict-issue-transition', parameters: { permissionKeys: 'ADMINISTER_PROJECTS' } },
      ],
    });
    expect(read.body.statuses).toContainEqual(
      expect.objectContaining({ id: '10102', name: 'Sent', statusCategory: 'IN_PROGRESS', statusReference: '10102' }),
    );
    const byWorkflowName = await sandbox.call('POST', '/rest/api/3/workflows', {
      body: { workflowNames: ['Billing workflow', 'No such workflow'] },
    });
    expect(byWorkflowName.body.workflows).toEqual(read.body.workflows);

    // Which workflow a project's issue types use; projects that do not exist are left out.
    const schemes = await sandbox.call('GET', '/rest/api/3/workflowscheme/project?projectId=10000&projectId=99999');
    expect(schemes.status).toBe(200);
    expect(schemes.body.values).toEqual([
      {
        projectIds: ['10000'],
        workflowScheme: expect.objectContaining({
          id: expect.any(Number),
          defaultWorkflow: 'Billing workflow',
          issueTypeMappings: {},
        }),
      },
    ]);
    const forUser = await sandbox.call('GET', '/rest/api/3/workflowscheme/project?projectId=10000', { as: 'user' });
    expect(forUser).toMatchObject({
      status: 403,
      body: { errorMessages: ['Only Jira administrators can access workflow scheme associations.'] },
    });
    expect((await sandbox.call('GET', '/rest/api/3/workflow/search', { as: 'user' })).status).toBe(403);
    expect(
      (
        await sandbox.call('POST', '/rest/api/3/workflows', {
          as: 'user',
          body: { workflowNames: ['Billing workflow'] },
        })
      ).status,
    ).toBe(401);
  });
});
