import type { SpecOperation } from './jira-spec';
import { describeErrors, pointer, type SchemaValidator } from './schema-validator';

const ERROR_COLLECTION = pointer('components', 'schemas', 'ErrorCollection');

/**
 * Problems with a response the sandbox is about to send, measured against the spec: the
 * status must be declared (error statuses may be undeclared: Jira sends 429s and 5xx on any
 * operation) and the body must match the declared schema; error bodies without a declared
 * schema must be an ErrorCollection. An empty list means the response is faithful.
 */
export function checkResponse(
  validator: SchemaValidator,
  operation: SpecOperation,
  status: number,
  body: unknown,
): string[] {
  const declared = declaredSchema(operation, status);
  if (declared === 'undeclared' && status < 400) {
    return [`status ${status} is not declared for ${operation.operationId}`];
  }
  const schemaPointer =
    declared === 'undeclared' || declared === null ? (status >= 400 ? ERROR_COLLECTION : null) : declared;
  if (body === undefined) return [];
  if (schemaPointer === null) return [`${operation.operationId} declares no body for status ${status}`];
  return describeErrors(validator.validate(schemaPointer, body), 10);
}

function declaredSchema(operation: SpecOperation, status: number): string | null | 'undeclared' {
  const candidates = [String(status), `${String(status)[0]}XX`, 'default'];
  for (const candidate of candidates) {
    if (operation.responses.has(candidate)) return operation.responses.get(candidate) ?? null;
  }
  return 'undeclared';
}
