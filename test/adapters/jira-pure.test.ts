import { toAdf } from '../../src/adapters/jira/adf';
import { describeJiraErrors, parseJiraErrorBody } from '../../src/adapters/jira/jira-errors';
import { rateLimitRetry } from '../../src/adapters/jira/jira-rate-limit';
import { jqlString, waveIdJql } from '../../src/adapters/jira/issue-search';
import { jiraDateTime } from '../../src/adapters/jira/worklogs';
import { initialStatus } from '../../src/adapters/jira/project-statuses';

const headers = (values: Record<string, string>) => new Headers(values);

describe('Jira rate-limit handling', () => {
  it('honours Retry-After and waits at least a per-issue window for per-issue write limits', () => {
    expect(
      rateLimitRetry(headers({ 'Retry-After': '1', 'RateLimit-Reason': 'jira-per-issue-on-write' }), 0),
    ).toMatchObject({ retryAfterMs: 1_000, minDelayMs: 2_000 });
    expect(rateLimitRetry(headers({ 'Retry-After': '3', 'RateLimit-Reason': 'jira-burst-based' }), 0)).toMatchObject({
      retryAfterMs: 3_000,
      minDelayMs: 1_000,
    });
    expect(rateLimitRetry(headers({ 'Beta-RateLimit-Reason': 'jira-per-issue-on-write' }), 0)).toMatchObject({
      minDelayMs: 2_000,
    });
  });

  it('does not wait out a quota inside the invocation', () => {
    expect(
      rateLimitRetry(headers({ 'Retry-After': '1800', 'RateLimit-Reason': 'jira-quota-global-based' }), 0),
    ).toMatchObject({ giveUp: true, retryAfterMs: 1_800_000 });
  });
});

describe('JQL', () => {
  it('escapes quotes and backslashes so an id cannot break out of the string', () => {
    expect(jqlString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(waveIdJql('SW52=" OR project = X')).toBe('issue.property[wave-link].waveId = "SW52=\\" OR project = X"');
    expect(waveIdJql('id', 'invoice')).toBe(
      'issue.property[wave-link].waveId = "id" AND issue.property[wave-link].kind = "invoice"',
    );
  });
});

describe('Jira formats', () => {
  it('writes worklog timestamps as Jira wants them', () => {
    expect(jiraDateTime(new Date('2026-01-17T12:34:00Z'))).toBe('2026-01-17T12:34:00.000+0000');
  });

  it('turns text into ADF paragraphs', () => {
    expect(toAdf('one\n\ntwo')).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'one' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'two' }] },
      ],
    });
  });

  it('reads Jira error bodies defensively', () => {
    const body = parseJiraErrorBody({ errorMessages: ['Issue does not exist'], errors: { summary: 'required', n: 1 } });
    expect(body).toEqual({ errorMessages: ['Issue does not exist'], errors: { summary: 'required' } });
    expect(describeJiraErrors(body)).toBe('Issue does not exist; summary: required');
    expect(parseJiraErrorBody('<html>')).toEqual({ errorMessages: [], errors: {} });
  });

  it('picks the first To Do status as the initial one', () => {
    expect(
      initialStatus([
        { id: '3', name: 'Done', categoryKey: 'done' },
        { id: '1', name: 'To Do', categoryKey: 'new' },
      ])?.id,
    ).toBe('1');
    expect(initialStatus([])).toBeUndefined();
  });
});
