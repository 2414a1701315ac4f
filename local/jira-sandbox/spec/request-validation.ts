import { JiraError } from '../http/errors';
import type { SpecOperation, SpecParameter } from './jira-spec';
import { describeErrors, type SchemaValidator } from './schema-validator';

export const JIRA_DATE_TIME_REFUSAL =
  "Invalid date format. Please enter the date in the format 'yyyy-MM-dd'T'HH:mm:ss.SSSZ'.";

export interface ValidatedRequest {
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface RawRequest {
  pathParams: Record<string, string>;
  searchParams: URLSearchParams;
  rawBody: string;
  contentType: string | undefined;
}

/**
 * Checks a request against its operation in the spec, as Jira's REST layer would: path and
 * query parameters (typed from their strings), then the JSON body. Unknown query parameters
 * are ignored, like Jira does. Throws a JiraError (400 or 415) on the first failing part.
 */
export function validateRequest(
  validator: SchemaValidator,
  operation: SpecOperation,
  raw: RawRequest,
): ValidatedRequest {
  const pathParams = raw.pathParams;
  const query = collectQuery(operation.parameters, raw.searchParams);
  checkParameters(validator, operation, 'path', coerceAll(operation.parameters, 'path', pathParams));
  checkParameters(validator, operation, 'query', query);
  return { pathParams, query, body: parseBody(validator, operation, raw) };
}

function collectQuery(parameters: SpecParameter[], searchParams: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const parameter of parameters) {
    if (parameter.in !== 'query' || !searchParams.has(parameter.name)) continue;
    query[parameter.name] =
      parameter.schema.type === 'array'
        ? searchParams.getAll(parameter.name).map((value) => coerce(parameter.schema.items?.type, value))
        : coerce(parameter.schema.type, searchParams.get(parameter.name) ?? '');
  }
  return query;
}

function coerceAll(
  parameters: SpecParameter[],
  location: 'path',
  values: Record<string, string>,
): Record<string, unknown> {
  const coerced: Record<string, unknown> = {};
  for (const parameter of parameters) {
    const value = values[parameter.name];
    if (parameter.in === location && value !== undefined)
      coerced[parameter.name] = coerce(parameter.schema.type, value);
  }
  return coerced;
}

function coerce(type: string | undefined, value: string): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function checkParameters(
  validator: SchemaValidator,
  operation: SpecOperation,
  location: 'path' | 'query',
  values: Record<string, unknown>,
): void {
  const declared = operation.parameters.filter((parameter) => parameter.in === location);
  if (declared.length === 0) return;
  const errors = validator.validateWith(
    `${operation.method} ${operation.pathTemplate} ${location}`,
    () => ({
      type: 'object',
      properties: Object.fromEntries(
        declared.map((parameter) => [parameter.name, validator.ref(parameter.schemaPointer)]),
      ),
      required: declared.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    }),
    values,
  );
  if (errors.length > 0) {
    const messages = errors.slice(0, 5).map((error) => {
      const name = error.instancePath.split('/')[1] ?? String(error.params.missingProperty ?? '');
      return error.keyword === 'required'
        ? `The '${String(error.params.missingProperty)}' ${location} parameter is required.`
        : `Invalid value for ${location} parameter '${name}': ${error.message ?? error.keyword}.`;
    });
    throw new JiraError(400, messages);
  }
}

function parseBody(validator: SchemaValidator, operation: SpecOperation, raw: RawRequest): unknown {
  const spec = operation.requestBody;
  if (!spec) return undefined;
  if (raw.rawBody.trim() === '') {
    if (spec.required) throw new JiraError(400, ['No content to map due to end-of-input']);
    return undefined;
  }
  if (!spec.jsonSchemaPointer) return raw.rawBody;
  if (!/^application\/json\b/i.test(raw.contentType ?? '')) {
    throw new JiraError(415, [
      `Unsupported Media Type: send the body as application/json (got ${raw.contentType ?? 'no Content-Type'}).`,
    ]);
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.rawBody);
  } catch (error) {
    throw new JiraError(400, [`Unexpected character in the request body: ${(error as Error).message}`]);
  }
  const errors = validator.validate(spec.jsonSchemaPointer, body);
  // Jira parses every date-time of a body with one parser, which words its refusal like this.
  if (errors.some((error) => error.keyword === 'format' && error.params.format === 'date-time'))
    throw new JiraError(400, [JIRA_DATE_TIME_REFUSAL]);
  if (errors.length > 0) throw new JiraError(400, describeErrors(errors));
  return body;
}
