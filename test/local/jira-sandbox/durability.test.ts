import fs from 'node:fs';
import { RuntimeClock } from '../../../local/clock';
import type { SiteCatalog } from '../../../local/jira-sandbox/catalog/catalog-types';
import { openDatabase } from '../../../local/persistence/sqlite';
import { createIssue, expectNoSpecViolations, startSandbox, T0, TEST_APP } from './harness';

describe('durability', () => {
  it('keeps issues, worklogs, properties, field values, webhooks and counters across close and reopen', async () => {
    const clock = new RuntimeClock(() => T0);
    const first = await startSandbox({ clock, settings: { dynamicWebhooks: true } });
    const issue = await createIssue(first, {}, { properties: [{ key: 'wave-link', value: { waveId: 'abc' } }] });
    await first.call('POST', `/rest/api/3/issue/${issue.id}/worklog`, {
      body: { timeSpentSeconds: 600, properties: [{ key: 'wave-payment', value: 'P-1' }] },
    });
    await first.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: 'customfield_10100', issueIds: [Number(issue.id)], value: 'INV-1' }] },
    });
    await first.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, { body: { transition: { id: '11' } } });
    await first.call('POST', '/rest/api/3/webhook', {
      body: {
        url: 'http://127.0.0.1:9/hook',
        webhooks: [{ events: ['jira:issue_created'], jqlFilter: 'project = BILL' }],
      },
    });
    expectNoSpecViolations(first);
    await first.stop();

    // A new module listed first must not renumber the fields that already exist.
    const app = {
      ...TEST_APP,
      customFields: [{ key: 'wave-customer', name: 'Wave customer', type: 'string' }, ...TEST_APP.customFields],
    };
    const second = await startSandbox({ dataDir: first.dataDir, clock, app });
    try {
      const view = second.control.getIssue(issue.key);
      expect(view).toMatchObject({
        status: { name: 'To Invoice' },
        appFields: { 'wave-invoice-number': 'INV-1' },
        properties: { 'wave-link': { waveId: 'abc' } },
      });
      expect(view?.worklogs).toEqual([
        expect.objectContaining({ timeSpentSeconds: 600, properties: { 'wave-payment': 'P-1' } }),
      ]);
      expect(second.control.listWebhooks()).toHaveLength(1);
      const next = await createIssue(second);
      expect(Number(next.id)).toBe(Number(issue.id) + 1);
      expect(next.key).toBe('BILL-2');
      const fields = await second.call('GET', '/rest/api/3/field');
      const ids = Object.fromEntries(
        fields.body
          .filter((field: { custom: boolean }) => field.custom)
          .map((field: { name: string; id: string }) => [field.name, field.id]),
      );
      expect(ids).toEqual({
        'Wave invoice number': 'customfield_10100',
        'Wave amount': 'customfield_10101',
        'Wave due date': 'customfield_10102',
        'Wave customer': 'customfield_10103',
      });
      expectNoSpecViolations(second);
    } finally {
      await second.close();
    }
    expect(fs.existsSync(first.dataDir)).toBe(false);
  });

  it('gives a site stored before a seeded project existed that project, keeping what it had', async () => {
    const first = await startSandbox();
    const issue = await createIssue(first);
    await first.stop();
    // The site as an older sandbox stored it: no ACME project, Story type or ACME workflow.
    const db = openDatabase(first.dataDir, 'jira.sqlite');
    const row = db.prepare("SELECT json FROM docs WHERE collection = 'jira-meta' AND id = 'catalog'").get() as {
      json: string;
    };
    const catalog = JSON.parse(row.json) as SiteCatalog;
    const older = {
      ...catalog,
      projects: catalog.projects.filter((project) => project.key !== 'ACME'),
      issueTypes: catalog.issueTypes.filter((type) => type.name !== 'Story'),
      workflows: catalog.workflows.filter((workflow) => !workflow.name.endsWith('ACME')),
    };
    db.prepare("UPDATE docs SET json = ? WHERE collection = 'jira-meta' AND id = 'catalog'").run(JSON.stringify(older));
    db.close();
    const second = await startSandbox({ dataDir: first.dataDir });
    try {
      const story = await createIssue(second, {
        project: { key: 'ACME' },
        issuetype: { name: 'Story' },
        summary: 'Checkout page',
      });
      expect(story.key).toBe('ACME-1');
      expect(second.control.getIssue(issue.key)).toMatchObject({ projectKey: 'BILL' });
      expectNoSpecViolations(second);
    } finally {
      await second.close();
    }
  });
});
