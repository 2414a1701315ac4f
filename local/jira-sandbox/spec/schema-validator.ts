import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

const SPEC_ID = 'jira-spec.json';

/** Jira writes `+0000` offsets (`2026-01-17T12:34:00.000+0000`); RFC 3339 writes `+00:00` or `Z`. Both are Jira date-times. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAbsoluteUrl(value: string): boolean {
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
}

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON pointer (into the spec document) from path tokens. */
export function pointer(...tokens: (string | number)[]): string {
  return '#/' + tokens.map((token) => escapePointerToken(String(token))).join('/');
}

/**
 * A few schemas of Jira's document combine `oneOf`/`anyOf`/`allOf` with `additionalProperties: false`
 * and no `properties` of their own (WorkflowCondition, JqlQueryClause, CustomFieldContextDefaultValue).
 * Read literally that allows no property at all; Jira means "no property beyond the chosen branch's",
 * which the branches already say. Drops the keyword there (in place: it changes nothing else).
 */
function relaxComposedSchemas(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) relaxComposedSchemas(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  if (
    schema.additionalProperties === false &&
    !('properties' in schema) &&
    ('oneOf' in schema || 'anyOf' in schema || 'allOf' in schema)
  )
    delete schema.additionalProperties;
  for (const value of Object.values(schema)) relaxComposedSchemas(value);
}

/**
 * Validates JSON against schemas of the OpenAPI document. The whole document is registered
 * once; a validator is compiled on first use of each schema (the spec is large, and most of
 * it is never used), always by JSON pointer so that `#/components/...` refs resolve.
 */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(spec: object) {
    this.ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true, logger: false });
    this.ajv.addFormat('date-time', DATE_TIME);
    this.ajv.addFormat('date', DATE);
    this.ajv.addFormat('uuid', UUID);
    this.ajv.addFormat('uri', isAbsoluteUrl);
    this.ajv.addFormat('url', isAbsoluteUrl);
    this.ajv.addFormat('int32', {
      type: 'number',
      validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
    });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    this.ajv.addFormat('double', { type: 'number', validate: () => true });
    this.ajv.addFormat('byte', true);
    this.ajv.addFormat('binary', true);
    relaxComposedSchemas(spec);
    this.ajv.addSchema(spec, SPEC_ID);
  }

  /** Validates value against the schema at `specPointer` (e.g. `#/components/schemas/IssueBean`). */
  validate(specPointer: string, value: unknown): ErrorObject[] {
    return this.validateWith(specPointer, () => ({ $ref: SPEC_ID + specPointer }), value);
  }

  /** Validates against a schema built from spec pointers (cached under cacheKey). */
  validateWith(cacheKey: string, build: () => object, value: unknown): ErrorObject[] {
    let validateFn = this.compiled.get(cacheKey);
    if (!validateFn) {
      validateFn = this.ajv.compile(build());
      this.compiled.set(cacheKey, validateFn);
    }
    return validateFn(value) ? [] : [...(validateFn.errors ?? [])];
  }

  ref(specPointer: string): object {
    return { $ref: SPEC_ID + specPointer };
  }
}

/** One line per error, naming where it is: `/webhooks/0: must have required property 'jqlFilter'`. */
export function describeErrors(errors: ErrorObject[], limit = 5): string[] {
  return errors.slice(0, limit).map((error) => {
    const where = error.instancePath || '/';
    if (error.keyword === 'additionalProperties') {
      return `Unrecognized field "${String(error.params.additionalProperty)}" at ${where}, not marked as ignorable.`;
    }
    return `${where}: ${error.message ?? error.keyword}`;
  });
}
