import fs from 'node:fs';
import { pointer } from './schema-validator';

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: { type?: string; items?: { type?: string } } & Record<string, unknown>;
  schemaPointer: string;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  parameters: SpecParameter[];
  requestBody?: { required: boolean; jsonSchemaPointer?: string; contentTypes: string[] };
  /** status code ('200', '4XX', 'default') -> JSON schema pointer, or null when the spec declares no JSON body. */
  responses: Map<string, string | null>;
}

export type RouteMatch =
  | { kind: 'operation'; operation: SpecOperation; pathParams: Record<string, string> }
  | { kind: 'no-path' }
  | { kind: 'no-method'; allowed: string[] };

interface CompiledPath {
  template: string;
  segments: { literal?: string; param?: string }[];
  operations: Map<string, SpecOperation>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

type RawOperation = {
  operationId?: string;
  parameters?: Omit<SpecParameter, 'schemaPointer'>[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/** The Jira platform OpenAPI document: its operations and a router from method + path to operation. */
export class JiraSpec {
  private readonly paths: CompiledPath[];

  private constructor(readonly document: { paths: Record<string, Record<string, RawOperation>> }) {
    this.paths = Object.entries(document.paths).map(([template, item]) => compilePath(template, item));
  }

  static load(specPath: string): JiraSpec {
    return new JiraSpec(JSON.parse(fs.readFileSync(specPath, 'utf8')));
  }

  /** Literal segments win over parameters (`/issue/picker` before `/issue/{issueIdOrKey}`), as Jira routes them. */
  match(method: string, path: string): RouteMatch {
    const parts = path.replace(/\/+$/, '').split('/').slice(1).map(safeDecode);
    let best: { path: CompiledPath; params: Record<string, string>; score: string } | undefined;
    for (const candidate of this.paths) {
      if (candidate.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let score = '';
      let matches = true;
      candidate.segments.forEach((segment, index) => {
        const part = parts[index] ?? '';
        if (segment.literal !== undefined) {
          if (segment.literal !== part) matches = false;
          score += '1';
        } else {
          if (part === '') matches = false;
          params[segment.param ?? ''] = part;
          score += '0';
        }
      });
      if (matches && (!best || score > best.score)) best = { path: candidate, params, score };
    }
    if (!best) return { kind: 'no-path' };
    const operation = best.path.operations.get(method.toLowerCase());
    if (!operation) return { kind: 'no-method', allowed: [...best.path.operations.keys()].map((m) => m.toUpperCase()) };
    return { kind: 'operation', operation, pathParams: best.params };
  }

  operation(operationId: string): SpecOperation | undefined {
    for (const path of this.paths) {
      for (const operation of path.operations.values()) if (operation.operationId === operationId) return operation;
    }
    return undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function compilePath(template: string, item: Record<string, RawOperation>): CompiledPath {
  const segments = template
    .split('/')
    .slice(1)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? { param: param[1] } : { literal: segment };
    });
  const operations = new Map<string, SpecOperation>();
  for (const method of METHODS) {
    const raw = item[method];
    if (!raw) continue;
    operations.set(method, compileOperation(template, method, raw));
  }
  return { template, segments, operations };
}

function compileOperation(template: string, method: string, raw: RawOperation): SpecOperation {
  const parameters = (raw.parameters ?? []).map((parameter, index) => ({
    ...parameter,
    required: Boolean(parameter.required),
    schemaPointer: pointer('paths', template, method, 'parameters', index, 'schema'),
  }));
  const responses = new Map<string, string | null>();
  for (const [status, response] of Object.entries(raw.responses ?? {})) {
    const json = response.content?.['application/json'];
    responses.set(
      status,
      json?.schema
        ? pointer('paths', template, method, 'responses', status, 'content', 'application/json', 'schema')
        : null,
    );
  }
  const content = raw.requestBody?.content;
  const requestBody = raw.requestBody
    ? {
        required: Boolean(raw.requestBody.required),
        contentTypes: Object.keys(content ?? {}),
        jsonSchemaPointer: content?.['application/json']?.schema
          ? pointer('paths', template, method, 'requestBody', 'content', 'application/json', 'schema')
          : undefined,
      }
    : undefined;
  return {
    operationId: raw.operationId ?? `${method} ${template}`,
    method,
    pathTemplate: template,
    parameters,
    requestBody,
    responses,
  };
}
