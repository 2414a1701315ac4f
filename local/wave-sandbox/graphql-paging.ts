import { GraphQLError } from 'graphql';

export interface PageArgs {
  page?: number | null;
  pageSize?: number | null;
}

export interface Connection<T> {
  pageInfo: { currentPage: number; totalPages: number; totalCount: number };
  edges: { node: T }[];
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 200;

/** Wave's offset paging: pages from 1; a page past the end is empty. */
export function pageOf<T>(items: T[], args: PageArgs): Connection<T> {
  const page = args.page ?? 1;
  const pageSize = args.pageSize ?? DEFAULT_PAGE_SIZE;
  if (page < 1) throw badInput('page must be 1 or more');
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw badInput(`pageSize must be between 1 and ${MAX_PAGE_SIZE}`);
  const start = (page - 1) * pageSize;
  return {
    pageInfo: { currentPage: page, totalPages: Math.ceil(items.length / pageSize), totalCount: items.length },
    edges: items.slice(start, start + pageSize).map((node) => ({ node })),
  };
}

export type SortKey<T> = (item: T) => number | string;

/** Sorts by enum values like MODIFIED_AT_DESC, applied in order; ties keep creation order. */
export function sortBy<T>(items: T[], sorts: readonly string[], keys: Record<string, SortKey<T>>): T[] {
  const comparators = sorts.map((sort) => {
    const match = /^(.*)_(ASC|DESC)$/.exec(sort);
    const key = match?.[1] === undefined ? undefined : keys[match[1]];
    if (!match || !key) throw badInput(`unsupported sort ${sort}`);
    const direction = match[2] === 'DESC' ? -1 : 1;
    return (a: T, b: T) => direction * compare(key(a), key(b));
  });
  return [...items].sort((a, b) => {
    for (const comparator of comparators) {
      const result = comparator(a, b);
      if (result !== 0) return result;
    }
    return 0;
  });
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** A DateTime or Date argument as epoch ms; BAD_USER_INPUT when it is not one. */
export function timeArg(name: string, value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms))
    throw badInput(`${name} must be an ISO-8601 date or date-time`);
  return ms;
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}
