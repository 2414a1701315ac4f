import { adf, createIssue, useJiraSandbox } from './harness';

// Search as if the index were current; the lag itself is tested in search-lag.test.ts.
const sandbox = useJiraSandbox({ settings: { searchLagMs: 0 } });
const keys: string[] = [];

beforeAll(async () => {
  for (let index = 1; index <= 7; index += 1) {
    const issue = await createIssue(
      sandbox,
      {
        summary: `Invoice INV-${index} for Acme`,
        labels: index % 2 === 0 ? ['even'] : ['odd'],
        description: adf(`Amount ${index}00`),
      },
      {
        properties: [{ key: 'wave-link', value: { waveId: `SW52b2ljZTo${index}`, kind: 'invoice' } }],
      },
    );
    keys.push(issue.key);
  }
  await createIssue(sandbox, { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Rotate the keys' });
});

async function search(body: Record<string, unknown>) {
  return sandbox.call('POST', '/rest/api/3/search/jql', { body });
}

describe('search/jql', () => {
  it('returns only ids unless fields are asked for', async () => {
    const response = await search({ jql: 'project = OPS' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ issues: [{ id: expect.any(String) }], isLast: true });
  });

  it('returns fields and entity properties', async () => {
    const response = await search({
      jql: `key = ${keys[2]}`,
      fields: ['summary', 'status'],
      properties: ['wave-link'],
    });
    expect(response.body.issues).toHaveLength(1);
    expect(response.body.issues[0]).toMatchObject({
      key: keys[2],
      fields: { summary: 'Invoice INV-3 for Acme', status: { name: 'Draft' } },
      properties: { 'wave-link': { waveId: 'SW52b2ljZTo3'.replace('7', '3'), kind: 'invoice' } },
    });
  });

  it('pages with nextPageToken in ORDER BY order', async () => {
    const seen: string[] = [];
    let nextPageToken: string | undefined;
    let pages = 0;
    do {
      const response = await search({
        jql: 'project = BILL ORDER BY key ASC',
        fields: ['summary'],
        maxResults: 3,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      expect(response.status).toBe(200);
      seen.push(...response.body.issues.map((issue: { key: string }) => issue.key));
      nextPageToken = response.body.nextPageToken;
      pages += 1;
      expect(response.body.isLast).toBe(nextPageToken === undefined);
    } while (nextPageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys);
  });

  it('refuses a page token from another query', async () => {
    const first = await search({ jql: 'project = BILL', maxResults: 2 });
    const wrong = await search({ jql: 'project = OPS', nextPageToken: first.body.nextPageToken });
    expect(wrong.status).toBe(400);
  });

  it('finds an issue by its indexed entity property and by the search alias', async () => {
    const byPath = await search({ jql: 'issue.property[wave-link].waveId = "SW52b2ljZTo99"', fields: ['summary'] });
    expect(byPath.body.issues).toEqual([]);
    const exact = await search({ jql: 'issue.property[wave-link].waveId = "SW52b2ljZTo4"', fields: ['summary'] });
    expect(exact.body.issues.map((issue: { key: string }) => issue.key)).toEqual([keys[3]]);
    const alias = await search({ jql: 'waveId IN ("SW52b2ljZTo1", "SW52b2ljZTo2") ORDER BY key', fields: ['summary'] });
    expect(alias.body.issues.map((issue: { key: string }) => issue.key)).toEqual([keys[0], keys[1]]);
    const notIndexed = await search({ jql: 'issue.property[wave-link].other = "x"' });
    expect(notIndexed.status).toBe(400);
    expect(notIndexed.body.errorMessages).toEqual([
      "Error in the JQL Query: Field 'issue.property[wave-link].other' does not exist or you do not have permission to view it.",
    ]);
  });

  it('refuses = on text fields and supports ~', async () => {
    const equals = await search({ jql: 'summary = "Invoice INV-1 for Acme"' });
    expect(equals.status).toBe(400);
    expect(equals.body).toEqual({
      errorMessages: ["Error in the JQL Query: The operator '=' is not supported by the 'summary' field."],
      errors: {},
    });
    const contains = await search({ jql: 'project = BILL AND summary ~ "acme" AND text ~ "700"', fields: ['summary'] });
    expect(contains.body.issues.map((issue: { key: string }) => issue.key)).toEqual([keys[6]]);
  });

  it('combines AND, OR, NOT, IN and parentheses', async () => {
    const response = await search({
      jql:
        '(labels = even OR key = ' +
        keys[0] +
        ') AND NOT labels IN (nothing) AND statusCategory = "To Do" ORDER BY created DESC, key DESC',
      fields: ['labels'],
    });
    expect(response.body.issues.map((issue: { key: string }) => issue.key)).toEqual([
      keys[5],
      keys[3],
      keys[1],
      keys[0],
    ]);
    const dates = await search({
      jql: 'created >= "2026-01-17" AND created < "2026/01/18 00:00" AND project in (BILL, OPS)',
    });
    expect(dates.body.issues).toHaveLength(8);
  });

  it('supports EMPTY, functions, relative dates and negation', async () => {
    const keysOf = async (jql: string) =>
      (await search({ jql, fields: ['summary'] })).body.issues.map((issue: { key: string }) => issue.key);
    expect(await keysOf('project = OPS AND labels IS EMPTY')).toHaveLength(1);
    expect(await keysOf('project = BILL AND labels IS NOT EMPTY AND duedate IS EMPTY')).toHaveLength(7);
    expect(await keysOf('reporter = currentUser() AND project = OPS')).toHaveLength(1);
    expect(await keysOf('created > -1d AND created <= now() AND project = OPS')).toHaveLength(1);
    expect(await keysOf('project = BILL AND status != Draft')).toEqual([]);
    expect(await keysOf('project = BILL AND NOT (labels = odd) ORDER BY key')).toEqual([keys[1], keys[3], keys[5]]);
    expect(await keysOf('summary ~ "INV-4*"')).toEqual([keys[3]]);
  });

  it('answers bad JQL with Jira-like 400s', async () => {
    const cases: [string, string][] = [
      ['project = ', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
      [
        'project BILL',
        "Error in the JQL Query: Expecting operator but got 'BILL'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)",
      ],
      [
        'nosuchfield = 1',
        "Error in the JQL Query: Field 'nosuchfield' does not exist or you do not have permission to view it.",
      ],
      ['project = NOPE', "Error in the JQL Query: The value 'NOPE' does not exist for the field 'project'."],
      [
        'summary ~ "open',
        "Error in the JQL Query: The quoted string 'open' has not been completed. (line 1, character 11)",
      ],
    ];
    for (const [jql, message] of cases) {
      const response = await search({ jql });
      expect(response.status).toBe(400);
      expect(response.body.errorMessages).toEqual([message]);
    }
  });

  it('refuses unbounded queries', async () => {
    const response = await search({ jql: 'ORDER BY created' });
    expect(response.status).toBe(400);
    expect(response.body.errorMessages[0]).toMatch(/Unbounded JQL/);
  });

  it('answers GET search/jql too', async () => {
    const response = await sandbox.call(
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = BILL AND labels = odd')}&fields=summary&fields=labels&maxResults=2`,
    );
    expect(response.status).toBe(200);
    expect(response.body.issues).toHaveLength(2);
    expect(Object.keys(response.body.issues[0].fields).sort()).toEqual(['labels', 'summary']);
    expect(response.body.nextPageToken).toEqual(expect.any(String));
  });

  it('answers the removed /search with 410 Gone', async () => {
    for (const method of ['GET', 'POST']) {
      const response = await sandbox.call(
        method,
        '/rest/api/3/search?jql=project%3DBILL',
        method === 'POST' ? { body: { jql: 'project = BILL' } } : {},
      );
      expect(response.status).toBe(410);
      expect(response.body.errorMessages[0]).toMatch(/\/rest\/api\/3\/search\/jql/);
    }
  });
});
