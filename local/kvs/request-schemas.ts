import { z } from 'zod';
import { kvsErrors } from './errors';

/**
 * The request bodies `@forge/kvs` 1.6.5 sends (out/interfaces/kvs-api.d.ts). Only their
 * structure is checked here; Forge's specific rules (key format, sizes, conditions) are
 * checked where they apply so they produce Forge's specific codes.
 */
const metadataField = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataField = z.infer<typeof metadataField>;
const metadataFields = z.array(metadataField);

const ttl = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
export type Ttl = z.infer<typeof ttl>;

const getOptions = z.object({ metadataFields: metadataFields.optional() });
const setOptions = z.object({ ttl: ttl.optional() });
const extendedSetOptions = setOptions.extend({
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: metadataFields.optional(),
});
export type ExtendedSetOptions = z.infer<typeof extendedSetOptions>;

const conditionClause = z.object({ condition: z.string(), values: z.array(z.unknown()) });
export type ConditionClause = z.infer<typeof conditionClause>;
const filterItem = conditionClause.extend({ property: z.string() });
export type FilterItem = z.infer<typeof filterItem>;
const filters = z.object({ and: z.array(filterItem).optional(), or: z.array(filterItem).optional() });
export type Filters = z.infer<typeof filters>;

const key = z.string();
const entityName = z.string();

export const requestSchemas = {
  get: z.object({ key, options: getOptions.optional() }),
  set: z.object({ key, value: z.unknown(), options: extendedSetOptions.optional() }),
  delete: z.object({ key }),
  query: z.object({
    limit: z.number().optional(),
    after: z.string().optional(),
    where: z.array(filterItem).optional(),
    options: getOptions.optional(),
  }),
  entityGet: z.object({ entityName, key, options: getOptions.optional() }),
  entitySet: z.object({ entityName, key, value: z.unknown(), options: extendedSetOptions.optional() }),
  entityDelete: z.object({ entityName, key }),
  entityQuery: z.object({
    entityName,
    indexName: z.string(),
    partition: z.array(z.unknown()).optional(),
    range: conditionClause.optional(),
    filters: filters.optional(),
    sort: z.enum(['ASC', 'DESC']).optional(),
    cursor: z.string().optional(),
    limit: z.number().optional(),
    options: getOptions.optional(),
    metadataFields: metadataFields.optional(),
  }),
  batchSet: z.array(
    z.object({ key, value: z.unknown(), entityName: entityName.optional(), options: setOptions.optional() }),
  ),
  batchGet: z.array(z.object({ key, entityName: entityName.optional(), options: getOptions.optional() })),
  batchDelete: z.array(z.object({ key, entityName: entityName.optional() })),
  transaction: z.object({
    set: z
      .array(
        z.object({
          key,
          value: z.unknown(),
          entityName: entityName.optional(),
          conditions: filters.optional(),
          options: setOptions.optional(),
        }),
      )
      .optional(),
    delete: z.array(z.object({ key, entityName: entityName.optional(), conditions: filters.optional() })).optional(),
    check: z.array(z.object({ key, entityName, conditions: filters })).optional(),
  }),
};

/** Parses a request body or answers Forge's BAD_REQUEST. */
export function parseRequest<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw kvsErrors.badRequest(issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : undefined);
  }
  return result.data;
}
