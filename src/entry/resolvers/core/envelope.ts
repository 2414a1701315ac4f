import { listFields } from '../../../shared/validation';
import { JiraPermissionError } from '../../../adapters/jira/jira-errors';
import {
  BadRequestError,
  ConflictError,
  NotConfiguredError,
  NotFoundError,
  PermissionError,
  UnavailableError,
  UpstreamError,
  isAppError,
} from '../../../shared/errors';
import type { ResolverError, ResolverErrorCode, ResolverResult } from '../api';

/** A refusal decided by the resolver layer itself (permission, input). */
export class ResolverRefusal extends Error {
  constructor(readonly refusal: ResolverError) {
    super(refusal.message);
    this.name = 'ResolverRefusal';
  }
}

export const ok = <T>(data: T): ResolverResult<T> => ({ ok: true, data });

export function refuse(code: ResolverErrorCode, message: string, fields?: Record<string, string>): ResolverRefusal {
  return new ResolverRefusal({ code, message, ...(fields ? { fields } : {}) });
}

/** The input's problems as `path → message` (shared/validation's fieldMessages), and one sentence naming them. */
export function invalidInput(fields: Record<string, string>): ResolverRefusal {
  return refuse('INVALID_INPUT', `Please correct the input. ${listFields(fields)}`, fields);
}

function codeOf(error: Error): ResolverErrorCode {
  // The app (not the user) lacks a Jira permission: not the caller's FORBIDDEN.
  if (error instanceof JiraPermissionError) return 'UPSTREAM';
  if (error instanceof BadRequestError) return 'INVALID_INPUT';
  if (error instanceof PermissionError) return 'FORBIDDEN';
  if (error instanceof NotConfiguredError) return 'NOT_CONFIGURED';
  if (error instanceof NotFoundError) return 'NOT_FOUND';
  if (error instanceof ConflictError) return 'CONFLICT';
  if (error instanceof UnavailableError) return 'UNAVAILABLE';
  if (error instanceof UpstreamError) return 'UPSTREAM';
  return 'INTERNAL';
}

const capitalise = (text: string): string => (text ? text[0]?.toUpperCase() + text.slice(1) : text);

/**
 * Turns anything a resolver threw into the envelope. App errors carry messages written for
 * people (and free of secrets); anything else is reported generically and logged by name only.
 */
export function toFailure(error: unknown, functionKey: string): ResolverResult<never> {
  if (error instanceof ResolverRefusal) return { ok: false, error: error.refusal };
  if (isAppError(error)) {
    const retry = error instanceof UnavailableError ? { retryAfterSeconds: error.retryAfterSeconds } : {};
    return { ok: false, error: { code: codeOf(error), message: capitalise(error.message), ...retry } };
  }
  const name = error instanceof Error ? error.name : typeof error;
  console.error(`resolver ${functionKey} failed unexpectedly (${name})`);
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: "Something went wrong on the server. Try again; if it keeps happening, check the app's logs.",
    },
  };
}
