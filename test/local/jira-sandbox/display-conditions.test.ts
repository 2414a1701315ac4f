import {
  checkDisplayConditions,
  displayConditionsHold,
  type DisplayFacts,
} from '../../../local/jira-sandbox/extensions/display-conditions';

const onIssue: DisplayFacts = {
  globalPermissions: new Set(['USER_PICKER']),
  projectPermissions: new Set(['BROWSE_PROJECTS', 'EDIT_ISSUES', 'WORK_ON_ISSUES']),
  issue: {
    id: '10000',
    key: 'BILL-1',
    typeName: 'Invoice',
    properties: { 'wave-link': { kind: 'invoice', tags: ['a', 'b'], amount: 42 }, flags: ['x', 'y'] },
  },
  project: { id: '10000', key: 'BILL', name: 'Billing', type: 'business' },
};
const onDashboard: DisplayFacts = { globalPermissions: new Set(['ADMINISTER', 'USER_PICKER']) };

describe('display conditions', () => {
  it.each([
    [{ projectKey: 'BILL' }, true],
    [{ projectKey: ['OPS', 'BILL'] }, true],
    [{ projectKey: 'OPS' }, false],
    [{ projectId: '10000', projectName: 'Billing', projectType: 'business' }, true],
    [{ issueType: 'Invoice', issueKey: 'BILL-1', issueId: ['10000'] }, true],
    [{ issueType: ['Account', 'Task'] }, false],
    [{ canEditIssues: true, canLogWork: true }, true],
    [{ canDeleteIssues: true }, false],
    [{ canDeleteIssues: false }, true],
    [{ isProjectAdmin: false }, true],
    [{ hasIssuePermission: 'EDIT_ISSUES' }, true],
    [{ hasProjectPermission: 'ADMINISTER_PROJECTS' }, false],
    [{ isAdmin: false, isLoggedIn: true, hasGlobalPermission: 'USER_PICKER' }, true],
    [{ canAdministerJira: true }, false],
  ])('on an issue: %j holds: %s', (conditions, expected) => {
    expect(displayConditionsHold(conditions, onIssue)).toBe(expected);
  });

  it('combines with and, or and not, as mappings or lists', () => {
    expect(displayConditionsHold({ or: { projectKey: 'OPS', issueType: 'Invoice' } }, onIssue)).toBe(true);
    expect(displayConditionsHold({ or: [{ projectKey: 'OPS' }, { issueType: 'Bug' }] }, onIssue)).toBe(false);
    expect(displayConditionsHold({ and: [{ projectKey: 'BILL' }, { not: { issueType: 'Bug' } }] }, onIssue)).toBe(true);
    expect(displayConditionsHold({ not: { projectKey: 'OPS', issueType: 'Invoice' } }, onIssue)).toBe(false);
    expect(displayConditionsHold({ not: [{ projectKey: 'OPS' }, { issueType: 'Bug' }] }, onIssue)).toBe(true);
    expect(
      displayConditionsHold(
        {
          or: [
            { and: [{ projectKey: 'OPS' }, { isAdmin: true }] },
            { and: { projectKey: 'BILL', canEditIssues: true } },
          ],
        },
        onIssue,
      ),
    ).toBe(true);
  });

  it('reads issue entity properties, their nested fields and arrays, comparing as strings', () => {
    const property = (condition: string, rest: Record<string, unknown>) => ({
      [condition]: { entity: 'issue', propertyKey: 'wave-link', ...rest },
    });
    expect(displayConditionsHold(property('entityPropertyExists', {}), onIssue)).toBe(true);
    expect(displayConditionsHold(property('entityPropertyExists', { propertyKey: 'other' }), onIssue)).toBe(false);
    expect(displayConditionsHold(property('entityPropertyExists', { objectName: 'kind' }), onIssue)).toBe(true);
    expect(displayConditionsHold(property('entityPropertyExists', { objectName: 'missing.deep' }), onIssue)).toBe(
      false,
    );
    expect(
      displayConditionsHold(property('entityPropertyEqualTo', { objectName: 'kind', value: 'invoice' }), onIssue),
    ).toBe(true);
    expect(
      displayConditionsHold(property('entityPropertyEqualTo', { objectName: 'amount', value: '42' }), onIssue),
    ).toBe(true);
    expect(
      displayConditionsHold(property('entityPropertyEqualTo', { objectName: 'kind', value: 'customer' }), onIssue),
    ).toBe(false);
    expect(
      displayConditionsHold(property('entityPropertyContainsAny', { objectName: 'tags', value: ['z', 'b'] }), onIssue),
    ).toBe(true);
    expect(
      displayConditionsHold(property('entityPropertyContainsAll', { objectName: 'tags', value: ['a', 'z'] }), onIssue),
    ).toBe(false);
    expect(
      displayConditionsHold(property('entityPropertyContainsAll', { objectName: 'tags', value: ['b', 'a'] }), onIssue),
    ).toBe(true);
    expect(
      displayConditionsHold(
        { entityPropertyContainsAny: { entity: 'issue', propertyKey: 'flags', value: 'y' } },
        onIssue,
      ),
    ).toBe(true);
  });

  it('evaluates issue and project conditions as false outside an issue (a dashboard)', () => {
    expect(displayConditionsHold({ isAdmin: true }, onDashboard)).toBe(true);
    expect(displayConditionsHold({ projectKey: 'BILL' }, onDashboard)).toBe(false);
    expect(displayConditionsHold({ canEditIssues: false }, onDashboard)).toBe(false);
    expect(displayConditionsHold({ hasIssuePermission: 'BROWSE_PROJECTS' }, onDashboard)).toBe(false);
    expect(displayConditionsHold({ entityPropertyExists: { entity: 'issue', propertyKey: 'x' } }, onDashboard)).toBe(
      false,
    );
    expect(displayConditionsHold(undefined, onDashboard)).toBe(true);
  });

  it('names what the sandbox cannot evaluate, or evaluate as written, before anything is shown', () => {
    expect(
      checkDisplayConditions({ projectKey: 'BILL', or: [{ isAdmin: true }, { canEditIssues: true }] }, 'm'),
    ).toEqual([]);
    const problems = checkDisplayConditions(
      {
        jiraExpression: 'issue.key != null',
        isAdmin: 'yes',
        and: { projectKey: 7, not: [{ entityPropertyExists: { entity: 'project', propertyKey: 'p' } }] },
        entityPropertyEqualTo: { entity: 'issue', propertyKey: 'p' },
      },
      'jira:issueContext panel',
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^jira:issueContext panel: display condition jiraExpression is not evaluated by the local Jira sandbox \(it supports and, or, not, isLoggedIn/,
      ),
      'jira:issueContext panel: display condition isAdmin must be true or false',
      'jira:issueContext panel: display condition and.projectKey must be a string or a list of strings',
      "jira:issueContext panel: display condition and.not[0].entityPropertyExists on entity 'project' is not evaluated by the local Jira sandbox (only entity: issue)",
      'jira:issueContext panel: display condition entityPropertyEqualTo needs a string value',
    ]);
  });
});
