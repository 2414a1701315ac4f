/**
 * Errors the entry points turn into HTTP answers. The message is meant for the person who
 * has to act on it (an admin, Wave's retry logic): it never contains tokens, secrets or
 * request bodies.
 */
export abstract class AppError extends Error {
  abstract readonly httpStatus: number;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A dependency is busy or down: try again after `retryAfterSeconds`. */
export class UnavailableError extends AppError {
  readonly httpStatus = 503;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** True when a write may or may not have happened (the answer was lost). */
    readonly outcomeUnknown = false,
  ) {
    super(message);
  }
}

/** An AppError kind that always answers with the one HTTP status. */
function answeredWith<S extends number>(httpStatus: S) {
  return class extends AppError {
    readonly httpStatus = httpStatus;
  };
}

/** The app lacks configuration or a connection an admin has to provide. */
export class NotConfiguredError extends answeredWith(503) {}
export class ConflictError extends answeredWith(409) {}
export class BadRequestError extends answeredWith(400) {}
export class PermissionError extends answeredWith(403) {}
export class NotFoundError extends answeredWith(404) {}
/** A dependency answered something this app cannot use. */
export class UpstreamError extends answeredWith(502) {}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
