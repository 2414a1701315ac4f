import type { StoredIssue } from '../state/records';
import type { ClauseOperator, JqlClause, JqlNode, JqlValue } from './ast';
import { dateFunction, parseJqlDate } from './date-values';
import { resolveField, type FieldKind, type JqlEnvironment, type ResolvedField } from './fields';
import { jqlError } from './lexer';
import { parseJql } from './parser';
import { textMatches } from './text-match';

export interface CompiledJql {
  /** True when the query restricts the issues (Jira refuses unbounded queries on /search/jql). */
  bounded: boolean;
  matches(issue: StoredIssue): boolean;
  compare(a: StoredIssue, b: StoredIssue): number;
}

const OPERATORS_BY_KIND: Record<FieldKind, ClauseOperator[]> = {
  exact: ['=', '!=', 'IN', 'NOT IN', 'IS', 'IS NOT'],
  text: ['~', '!~', 'IS', 'IS NOT'],
  number: ['=', '!=', '>', '>=', '<', '<=', 'IN', 'NOT IN', 'IS', 'IS NOT'],
  date: ['=', '!=', '>', '>=', '<', '<=', 'IN', 'NOT IN', 'IS', 'IS NOT'],
};

type Predicate = (issue: StoredIssue) => boolean;

/** Parses and checks a query against the site (fields, operators, values), the way Jira validates JQL. */
export function compileJql(query: string, env: JqlEnvironment): CompiledJql {
  const parsed = parseJql(query);
  const predicate = parsed.where ? compileNode(parsed.where, env) : () => true;
  const sorts = parsed.orderBy.map((sort) => ({
    field: resolveField(sort.field, env),
    direction: sort.direction === 'DESC' ? -1 : 1,
  }));
  if (sorts.length === 0) sorts.push({ field: resolveField('created', env), direction: -1 });
  return {
    bounded: parsed.where !== undefined,
    matches: predicate,
    compare: (a, b) => {
      for (const sort of sorts) {
        const order = compareKeys(sort.field.sortKey(a), sort.field.sortKey(b), sort.direction);
        if (order !== 0) return order;
      }
      return Number(b.id) - Number(a.id);
    },
  };
}

function compareKeys(a: string | number | null, b: string | number | null, direction: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * direction;
}

function compileNode(node: JqlNode, env: JqlEnvironment): Predicate {
  switch (node.kind) {
    case 'and': {
      const operands = node.operands.map((operand) => compileNode(operand, env));
      return (issue) => operands.every((operand) => operand(issue));
    }
    case 'or': {
      const operands = node.operands.map((operand) => compileNode(operand, env));
      return (issue) => operands.some((operand) => operand(issue));
    }
    case 'not': {
      const operand = compileNode(node.operand, env);
      return (issue) => !operand(issue);
    }
    case 'clause':
      return compileClause(node, env);
  }
}

function compileClause(clause: JqlClause, env: JqlEnvironment): Predicate {
  const field = resolveField(clause.field, env);
  if (!OPERATORS_BY_KIND[field.kind].includes(clause.operator)) {
    throw jqlError(`The operator '${clause.operator}' is not supported by the '${field.name}' field.`);
  }
  const isEmptyValue = clause.value.kind === 'empty';
  if (clause.operator === 'IS' || clause.operator === 'IS NOT' || isEmptyValue) {
    if (!isEmptyValue)
      throw jqlError(
        `The operator '${clause.operator}' only supports the values 'EMPTY' and 'NULL' for field '${field.name}'.`,
      );
    const wantEmpty = clause.operator === 'IS' || clause.operator === '=';
    if (!['IS', 'IS NOT', '=', '!='].includes(clause.operator))
      throw jqlError(`The operator '${clause.operator}' does not support the value EMPTY.`);
    return (issue) => (field.read(issue).length === 0) === wantEmpty;
  }
  if (field.kind === 'text') {
    const query = literalText(clause.value, field);
    return clause.operator === '~'
      ? (issue) => textMatches(String(field.read(issue)[0] ?? ''), query)
      : (issue) => !textMatches(String(field.read(issue)[0] ?? ''), query);
  }
  const values = (clause.value.kind === 'list' ? clause.value.items : [clause.value]).flatMap((value) =>
    operand(value, field, env),
  );
  const negated = clause.operator === '!=' || clause.operator === 'NOT IN';
  if (negated || clause.operator === '=' || clause.operator === 'IN') {
    return (issue) => {
      const actual = field.read(issue);
      const hit = actual.some((value) => values.includes(value));
      return negated ? actual.length > 0 && !hit : hit;
    };
  }
  const bound = values[0] as number;
  const compare: Record<string, (a: number) => boolean> = {
    '>': (a) => a > bound,
    '>=': (a) => a >= bound,
    '<': (a) => a < bound,
    '<=': (a) => a <= bound,
  };
  const test = compare[clause.operator] as (a: number) => boolean;
  return (issue) => field.read(issue).some((value) => test(value as number));
}

function literalText(value: JqlValue, field: ResolvedField): string {
  if (value.kind !== 'literal') throw jqlError(`The field '${field.name}' only supports a text value.`);
  return value.text;
}

function operand(value: JqlValue, field: ResolvedField, env: JqlEnvironment): (string | number)[] {
  if (value.kind === 'list') throw jqlError(`Lists are only supported with the operators 'IN' and 'NOT IN'.`);
  if (value.kind === 'empty') return [];
  if (value.kind === 'function') {
    if (field.kind === 'date') {
      const time = dateFunction(value.name, env.now);
      if (time !== undefined) return [time];
    }
    if (value.name.toLowerCase() === 'currentuser' && field.kind === 'exact') return [env.currentUserId];
    throw jqlError(`Unable to find JQL function '${value.name}(${value.args.join(', ')})'.`);
  }
  switch (field.kind) {
    case 'number': {
      const number = Number(value.text);
      if (value.text.trim() === '' || !Number.isFinite(number))
        throw jqlError(`The value '${value.text}' is not a valid number for the field '${field.name}'.`);
      return [number];
    }
    case 'date': {
      const time = parseJqlDate(value.text, field.name, env.now);
      return [field.dateOnly ? Math.floor(time / 86_400_000) * 86_400_000 : time];
    }
    default:
      return field.canonical ? field.canonical(value.text) : [value.text];
  }
}
