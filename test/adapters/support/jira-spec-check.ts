import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

/** Checks request bodies against Atlassian's published Jira v3 OpenAPI spec (the reference copy). */
const spec = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../../shared/reference/jira-platform-v3.openapi.json'), 'utf8'),
) as {
  paths: Record<
    string,
    Record<string, { operationId?: string; requestBody?: { content?: Record<string, { schema?: unknown }> } }>
  >;
};

const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
for (const format of ['int32', 'int64']) ajv.addFormat(format, { type: 'number', validate: Number.isInteger });
for (const format of ['double', 'float']) ajv.addFormat(format, { type: 'number', validate: () => true });
// Jira's own date-time strings carry `+0000` offsets, which RFC 3339 checkers refuse.
for (const format of ['date-time', 'date', 'uri', 'uuid', 'binary', 'byte']) ajv.addFormat(format, true);
ajv.addSchema({ ...spec, $id: 'jira' });
const compiled = new Map<string, ValidateFunction>();

function findOperation(method: string, requestPath: string) {
  const segments = requestPath.split('?')[0]?.split('/') ?? [];
  let best: { template: string; literals: number } | undefined;
  for (const template of Object.keys(spec.paths)) {
    const parts = template.split('/');
    if (parts.length !== segments.length || !spec.paths[template]?.[method.toLowerCase()]) continue;
    const matches = parts.every((part, i) => part.startsWith('{') || part === decodeURIComponent(segments[i] ?? ''));
    const literals = parts.filter((part) => !part.startsWith('{')).length;
    if (matches && (!best || literals > best.literals)) best = { template, literals };
  }
  if (!best) throw new Error(`no Jira operation for ${method} ${requestPath}`);
  return { template: best.template, operation: spec.paths[best.template]?.[method.toLowerCase()] };
}

/** The spec's operationId for the request, after checking its JSON body; throws with Ajv's errors. */
export function checkJiraRequest(method: string, requestPath: string, body: unknown): string {
  const { template, operation } = findOperation(method, requestPath);
  const operationId = operation?.operationId ?? template;
  const hasSchema = operation?.requestBody?.content?.['application/json']?.schema !== undefined;
  if (!hasSchema) {
    if (body !== undefined) throw new Error(`${operationId} takes no JSON body`);
    return operationId;
  }
  const pointer = `jira#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
  let validate = compiled.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: pointer });
    compiled.set(pointer, validate);
  }
  if (!validate(body)) throw new Error(`${operationId} body rejected by the spec: ${ajv.errorsText(validate.errors)}`);
  return operationId;
}
