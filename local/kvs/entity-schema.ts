import { kvsErrors } from './errors';

/** One entry of the manifest's `app.storage.entities` (schema of `@forge/manifest`). */
export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: string }>;
  indexes?: ReadonlyArray<string | { name: string; range: readonly string[]; partition?: readonly string[] }>;
}

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface EntityIndex {
  name: string;
  partition: string[];
  range: string;
}

export interface EntitySchema {
  name: string;
  attributes: ReadonlyMap<string, AttributeType>;
  indexes: ReadonlyMap<string, EntityIndex>;
}

const ATTRIBUTE_TYPES: readonly string[] = ['string', 'integer', 'float', 'boolean', 'any'];
const ENTITY_NAME = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
// Forge floats: 0, or a magnitude from 1E-130 up to 9.9999999999999999999999999999999999999E+125
// inclusive, which a double can only express as "below 1E+126".
const FLOAT_MIN_MAGNITUDE = 1e-130;
const FLOAT_MAGNITUDE_BOUND = 1e126;

/**
 * The declared entities, checked once at start-up: a manifest that Forge would refuse
 * fails here with a message naming the entity, not later on the first write.
 */
export class EntityRegistry {
  private readonly schemas = new Map<string, EntitySchema>();

  constructor(definitions: readonly EntityDefinition[]) {
    for (const definition of definitions) {
      const schema = compileEntity(definition);
      if (this.schemas.has(schema.name))
        throw new Error(`app.storage.entities: entity '${schema.name}' is declared twice`);
      this.schemas.set(schema.name, schema);
    }
  }

  get(entityName: string): EntitySchema {
    if (entityName.length < 3) throw kvsErrors.entityTypeTooShort('The entity name must be at least 3 characters long');
    if (entityName.length > 60)
      throw kvsErrors.entityTypeTooLarge('The entity name must be at most 60 characters long');
    const schema = this.schemas.get(entityName);
    if (!schema) throw kvsErrors.invalidEntityType(`Entity '${entityName}' is not declared in app.storage.entities`);
    return schema;
  }
}

export function indexOf(schema: EntitySchema, indexName: string): EntityIndex {
  const index = schema.indexes.get(indexName);
  if (!index) throw kvsErrors.invalidEntityIndex(`Index '${indexName}' is not declared for entity '${schema.name}'`);
  return index;
}

/** Checks every attribute of an entity value against its declared type. */
export function validateEntityValue(schema: EntitySchema, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw kvsErrors.invalidEntityValue(`A value of entity '${schema.name}' must be an object of its attributes`);
  }
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = schema.attributes.get(attribute);
    if (!type)
      throw kvsErrors.invalidEntityValue(`Attribute '${attribute}' is not declared for entity '${schema.name}'`);
    if (!matchesType(type, attributeValue)) {
      throw kvsErrors.invalidEntityValue(`Attribute '${attribute}' of entity '${schema.name}' must be of type ${type}`);
    }
  }
}

function matchesType(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX;
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      const magnitude = Math.abs(value);
      return magnitude === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude < FLOAT_MAGNITUDE_BOUND);
    }
    case 'any':
      return value !== undefined;
  }
}

function compileEntity(definition: EntityDefinition): EntitySchema {
  const name = definition?.name;
  const fail = (problem: string): never => {
    throw new Error(`app.storage.entities: entity '${String(name)}': ${problem}`);
  };
  if (typeof name !== 'string' || name.length < 3 || name.length > 60 || !ENTITY_NAME.test(name)) {
    fail('the name must be 3-60 characters of a-z 0-9 : - _ . (manifest schema)');
  }
  if (definition.attributes === null || typeof definition.attributes !== 'object')
    fail('attributes must be a map of name -> {type}');

  const attributes = new Map<string, AttributeType>();
  for (const [attribute, declaration] of Object.entries(definition.attributes)) {
    if (!ATTRIBUTE_NAME.test(attribute)) fail(`attribute '${attribute}' must match ${ATTRIBUTE_NAME}`);
    const type = declaration?.type;
    if (!ATTRIBUTE_TYPES.includes(type))
      fail(`attribute '${attribute}' has type '${String(type)}'; expected one of ${ATTRIBUTE_TYPES.join(', ')}`);
    attributes.set(attribute, type as AttributeType);
  }

  const indexes = new Map<string, EntityIndex>();
  for (const declaration of definition.indexes ?? []) {
    const index = compileIndex(declaration, attributes, fail);
    if (indexes.has(index.name)) fail(`index '${index.name}' is declared twice`);
    indexes.set(index.name, index);
  }
  return { name, attributes, indexes };
}

function compileIndex(
  declaration: NonNullable<EntityDefinition['indexes']>[number],
  attributes: ReadonlyMap<string, AttributeType>,
  fail: (problem: string) => never,
): EntityIndex {
  const requireAttribute = (attribute: unknown, role: string): string => {
    if (typeof attribute !== 'string' || !attributes.has(attribute))
      fail(`${role} '${String(attribute)}' is not a declared attribute`);
    return attribute as string;
  };
  if (typeof declaration === 'string') {
    return { name: declaration, partition: [], range: requireAttribute(declaration, 'index') };
  }
  const indexName = String(declaration?.name);
  const { range, partition } = declaration;
  // The manifest schema wants lists here (range: [attr]); Forge indexes one range attribute.
  if (!Array.isArray(range) || range.length !== 1)
    fail(`index '${indexName}': range must be a list of exactly one attribute, e.g. range: [createdAt]`);
  if (partition !== undefined && (!Array.isArray(partition) || partition.length === 0)) {
    fail(`index '${indexName}': partition must be a non-empty list of attributes`);
  }
  return {
    name: indexName,
    range: requireAttribute(range[0], `index '${indexName}' range`),
    partition: (partition ?? []).map((attribute) => requireAttribute(attribute, `index '${indexName}' partition`)),
  };
}
