import { BadRequestError, NotFoundError, PermissionError, UpstreamError } from '../../shared/errors';
import { nullPrototypeRecord } from '../../shared/own';

/** Jira's error body: `{errorMessages: [], errors: {field: message}}`. */
export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

export function parseJiraErrorBody(body: unknown): JiraErrorBody {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const errorMessages = Array.isArray(record.errorMessages)
    ? record.errorMessages.filter((m): m is string => typeof m === 'string')
    : [];
  const errors = nullPrototypeRecord<string>();
  if (typeof record.errors === 'object' && record.errors !== null) {
    for (const [field, message] of Object.entries(record.errors))
      if (typeof message === 'string') errors[field] = message;
  }
  return { errorMessages, errors };
}

export function describeJiraErrors(body: JiraErrorBody): string {
  const parts = [
    ...body.errorMessages,
    ...Object.entries(body.errors).map(([field, message]) => `${field}: ${message}`),
  ];
  return parts.length ? parts.join('; ') : 'no details';
}

export class JiraNotFoundError extends NotFoundError {
  constructor(readonly details: JiraErrorBody) {
    super(`Jira could not find it (${describeJiraErrors(details)})`);
  }
}

export class JiraBadRequestError extends BadRequestError {
  constructor(
    readonly details: JiraErrorBody,
    readonly status: number = 400,
  ) {
    super(`Jira rejected the request (${describeJiraErrors(details)})`);
  }
}

export class JiraPermissionError extends PermissionError {
  constructor(
    readonly details: JiraErrorBody,
    readonly status: number,
  ) {
    super(
      `the app is not allowed to do this in Jira (${describeJiraErrors(details)}); check the app's project permissions`,
    );
  }
}

/** HTTP 501: this Jira does not offer the operation. Not transient, so never retried. */
export class JiraNotImplementedError extends UpstreamError {
  readonly status = 501;

  constructor(readonly details: JiraErrorBody) {
    super(`Jira does not support this request (HTTP 501: ${describeJiraErrors(details)})`);
  }
}
