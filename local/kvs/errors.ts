/**
 * Forge KVS errors: the `{code, message}` body plus the HTTP status that `@forge/kvs`
 * turns into a `ForgeKvsAPIError`.
 *
 * Codes and statuses come from Forge's "Error handling for the Key-Value Store / Custom
 * Entity Store" pages (RATE_LIMIT_EXCEEDED 429 for any quota, see quota.ts) and from the SDK's own tests (`KEY_NOT_FOUND` 404, `BAD_REQUEST`
 * "Provided request body is invalid", `INTERNAL_SERVER_ERROR`). Two are not documented by
 * Atlassian and are best guesses: `KEY_CONFLICT` 409 for a `FAIL_IF_EXISTS` write on an
 * existing key (reported by a third-party write-up) and `CONDITIONAL_CHECK_FAILED` 409 for
 * a transaction whose condition is not met (the DynamoDB name Forge's store builds on).
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }

  toBody(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

const badRequest = (code: string) => (message: string) => new KvsError(400, code, message);

export const kvsErrors = {
  badRequest: (detail?: string) =>
    new KvsError(
      400,
      'BAD_REQUEST',
      detail ? `Provided request body is invalid: ${detail}` : 'Provided request body is invalid',
    ),
  keyTooShort: badRequest('KEY_TOO_SHORT'),
  emptyKey: badRequest('EMPTY_KEY'),
  keyTooLong: badRequest('KEY_TOO_LONG'),
  invalidKey: badRequest('INVALID_KEY'),
  maxSize: badRequest('MAX_SIZE'),
  maxDepth: badRequest('MAX_DEPTH'),
  invalidEntityType: badRequest('INVALID_ENTITY_TYPE'),
  entityTypeTooShort: badRequest('ENTITY_TYPE_TOO_SHORT'),
  entityTypeTooLarge: badRequest('ENTITY_TYPE_TOO_LARGE'),
  invalidEntityValue: badRequest('INVALID_ENTITY_VALUE'),
  invalidEntityIndex: badRequest('INVALID_ENTITY_INDEX'),
  invalidFilterCondition: badRequest('INVALID_FILTER_CONDITION'),
  invalidFilterValues: badRequest('INVALID_FILTER_VALUES'),
  insufficientFilterValues: badRequest('INSUFFICIENT_FILTER_VALUES'),
  emptyFilterOperator: badRequest('EMPTY_FILTER_OPERATOR'),
  invalidFilterOperatorsCombination: badRequest('INVALID_FILTER_OPERATORS_COMBINATION'),
  listQueryLimitExceeded: badRequest('LIST_QUERY_LIMIT_EXCEEDED'),
  complexQueryPageLimitNotInRange: badRequest('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE'),
  queryWhereInvalid: badRequest('QUERY_WHERE_INVALID'),
  queryWhereFieldInvalid: badRequest('QUERY_WHERE_FIELD_INVALID'),
  keyNotFound: () => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist'),
  keyConflict: () => new KvsError(409, 'KEY_CONFLICT', 'The key already exists and the key policy is FAIL_IF_EXISTS'),
  conditionFailed: (message: string) => new KvsError(409, 'CONDITIONAL_CHECK_FAILED', message),
  unknownOperation: (path: string) => new KvsError(404, 'NOT_FOUND', `Unknown Forge KVS operation: ${path}`),
  internal: () => new KvsError(500, 'INTERNAL_SERVER_ERROR', 'An internal server error has occurred'),
};
