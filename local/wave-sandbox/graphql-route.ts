import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import express, { type NextFunction, type Request, type Response } from 'express';
import {
  buildSchema,
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { rootValue, type GraphqlContext } from './graphql-nodes';
import type { Grant, OAuthStore } from './oauth-store';
import type { WaveState } from './state';

/** Builds the schema the sandbox serves from the reference SDL (the same file the app's queries are validated against). */
export function loadWaveSchema(schemaPath: string): GraphQLSchema {
  return buildSchema(fs.readFileSync(schemaPath, 'utf8'));
}

/**
 * POST /graphql/public, as Wave answers it: Bearer token required (401 UNAUTHENTICATED otherwise),
 * parse and validation failures 400 with GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED,
 * resolver errors (NOT_FOUND, BAD_USER_INPUT) 200 next to partial data. Every error carries
 * `extensions.id`, as Wave's do.
 */
export function graphqlRouter(schema: GraphQLSchema, state: WaveState, store: OAuthStore): express.Router {
  const router = express.Router();
  const root = rootValue(state);

  router.post(
    '/graphql/public',
    (req, res, next) => {
      const grant = bearerGrant(req, store);
      if (!grant)
        return void answer(res, 401, [codedError('You must be logged in to perform this action.', 'UNAUTHENTICATED')]);
      res.locals.grant = grant;
      next();
    },
    express.json({ limit: '1mb' }),
    async (req, res) => {
      const { query, variables, operationName } = (req.body ?? {}) as Record<string, unknown>;
      if (typeof query !== 'string' || query.trim() === '') {
        return void answer(res, 400, [codedError('POST body must be JSON with a "query" string.', 'BAD_REQUEST')]);
      }
      if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
        return void answer(res, 400, [codedError('"variables" must be an object.', 'BAD_REQUEST')]);
      }
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch (error) {
        return void answer(res, 400, [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')]);
      }
      const validationErrors = validate(schema, document);
      if (validationErrors.length > 0) {
        return void answer(
          res,
          400,
          validationErrors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')),
        );
      }
      const context: GraphqlContext = { grant: res.locals.grant as Grant };
      const { data, errors = [] } = await execute({
        schema,
        document,
        rootValue: root,
        contextValue: context,
        variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
        operationName: typeof operationName === 'string' ? operationName : undefined,
      });
      // No data at all means the request itself was unusable (bad variables, unknown operation).
      const formatted = errors.map((error) =>
        withCode(error, data === undefined ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR'),
      );
      res
        .status(data === undefined ? 400 : 200)
        .json({ ...(formatted.length > 0 && { errors: formatted }), ...(data !== undefined && { data }) });
    },
  );
  router.all('/graphql/public', (_req, res) =>
    answer(res.set('allow', 'POST'), 405, [codedError('Use POST.', 'METHOD_NOT_ALLOWED')]),
  );
  router.use('/graphql', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const status = bodyParserStatus(error);
    if (status === undefined) return next(error);
    answer(res, status, [
      codedError(status === 413 ? 'The body is too large.' : 'The body is not valid JSON.', 'BAD_REQUEST'),
    ]);
  });
  return router;
}

function bearerGrant(req: Request, store: OAuthStore): Grant | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ? store.authenticate(match[1]) : undefined;
}

function answer(res: Response, status: number, errors: GraphQLFormattedError[]): void {
  res.status(status).json({ errors });
}

function codedError(message: string, code: string): GraphQLFormattedError {
  return { message, extensions: { code, id: randomUUID() } };
}

/** Wave's error shape: the error's own code if it has one, else the fallback; always a fresh id. */
function withCode(error: GraphQLError, fallbackCode: string): GraphQLFormattedError {
  const formatted = error.toJSON();
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : fallbackCode;
  return { ...formatted, extensions: { ...formatted.extensions, code, id: randomUUID() } };
}

/** body-parser's errors carry `type` and an HTTP `status`. */
export function bodyParserStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}
