/**
 * Jira's error body `{errorMessages, errors}` with the HTTP status it travels with.
 * Handlers throw these; the dispatcher turns them into responses.
 */
export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.name = 'JiraError';
  }

  toBody(): ErrorCollection {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export const jiraErrors = {
  badRequest: (message: string) => new JiraError(400, [message]),
  fieldErrors: (errors: Record<string, string>) => new JiraError(400, [], errors),
  unauthorized: () =>
    new JiraError(401, ['You are not authenticated. Authentication required to perform this operation.']),
  forbidden: (message: string) => new JiraError(403, [message]),
  notFound: (message: string) => new JiraError(404, [message]),
  issueNotFound: () => new JiraError(404, [ISSUE_NOT_FOUND]),
  cannotSetField: (fieldId: string) =>
    `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`,
};
