import { compareScalars } from './compare';
import { kvsErrors } from './errors';
import type { ConditionClause, FilterItem, Filters } from './request-schemas';

/**
 * The conditions of `@forge/kvs` (out/conditions.js): `WhereConditions` for an index's
 * range, `FilterConditions` for filters and transaction conditions. A missing attribute
 * behaves as in DynamoDB, on which Forge's store is built: only NOT_EXISTS, NOT_EQUAL_TO
 * and NOT_CONTAINS are met by it.
 */
export const WHERE_CONDITIONS: readonly string[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];
export const FILTER_CONDITIONS: readonly string[] = [
  ...WHERE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
];

export interface ParsedFilters {
  operator: 'and' | 'or';
  items: FilterItem[];
}

export function validateClause(clause: ConditionClause, allowed: readonly string[]): void {
  const { condition, values } = clause;
  if (!allowed.includes(condition))
    throw kvsErrors.invalidFilterCondition(`Condition '${condition}' is not supported here`);
  const arity = condition === 'BETWEEN' ? 2 : 1;
  if (values.length < arity) {
    throw arity === 2
      ? kvsErrors.insufficientFilterValues(`Condition ${condition} needs two values`)
      : kvsErrors.invalidFilterValues(`Condition ${condition} needs one value`);
  }
  if (values.length > arity) throw kvsErrors.invalidFilterValues(`Condition ${condition} takes ${arity} value(s)`);
  if (!values.every((value) => ['string', 'number', 'boolean'].includes(typeof value))) {
    throw kvsErrors.invalidFilterValues(`Condition ${condition} takes string, number or boolean values`);
  }
}

export function clauseMatches(clause: ConditionClause, actual: unknown): boolean {
  const [first, second] = clause.values;
  const order = (expected: unknown) => compareScalars(actual, expected);
  switch (clause.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return order(first) === 0;
    case 'NOT_EQUAL_TO':
      return order(first) !== 0;
    case 'GREATER_THAN':
      return (order(first) ?? 0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return (order(first) ?? -1) >= 0;
    case 'LESS_THAN':
      return (order(first) ?? 0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return (order(first) ?? 1) <= 0;
    case 'BETWEEN':
      return (order(first) ?? -1) >= 0 && (order(second) ?? 1) <= 0;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
    default:
      return false;
  }
}

function contains(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string') return typeof expected === 'string' && actual.includes(expected);
  if (Array.isArray(actual)) return actual.some((element) => compareScalars(element, expected) === 0);
  return false;
}

/** `{and: [...]}` or `{or: [...]}`: exactly one operator, never empty. */
export function parseFilters(filters: Filters): ParsedFilters {
  if (filters.and !== undefined && filters.or !== undefined) {
    throw kvsErrors.invalidFilterOperatorsCombination(
      'Filter operators "and" and "or" cannot be present at the same level',
    );
  }
  const operator = filters.or !== undefined ? 'or' : 'and';
  const items = filters[operator] ?? [];
  if (items.length === 0) throw kvsErrors.emptyFilterOperator('Filter operators "and" and "or" cannot be empty');
  for (const item of items) validateClause(item, FILTER_CONDITIONS);
  return { operator, items };
}

export function filtersMatch(filters: ParsedFilters, attributes: Readonly<Record<string, unknown>>): boolean {
  const itemMatches = (item: FilterItem) =>
    clauseMatches(item, Object.hasOwn(attributes, item.property) ? attributes[item.property] : undefined);
  return filters.operator === 'and' ? filters.items.every(itemMatches) : filters.items.some(itemMatches);
}
