import { adfText } from '../model/adf';
import { byIdOrName, type CatalogLookup } from '../catalog/catalog-lookup';
import type { StatusCategoryKey } from '../catalog/catalog-types';
import type { StoredIssue } from '../state/records';
import { jqlError } from './lexer';

export type FieldKind = 'exact' | 'text' | 'number' | 'date';

export interface IndexedPropertyPath {
  propertyKey: string;
  path: string;
  /** jira:entityProperty value types: string, text, number, date, user. */
  type: string;
  searchAlias?: string;
}

export interface JqlEnvironment {
  catalog: CatalogLookup;
  findIssue(idOrKey: string): StoredIssue | undefined;
  userExists(accountId: string): boolean;
  indexedProperties: IndexedPropertyPath[];
  now: number;
  currentUserId: string;
}

export interface ResolvedField {
  /** How Jira names the field in messages. */
  name: string;
  kind: FieldKind;
  /** exact: canonical strings; number: numbers; date: epoch ms; text: the searchable text (one entry). */
  read(issue: StoredIssue): (string | number)[];
  /** exact fields: the canonical values a literal stands for (throws for values Jira would reject). */
  canonical?(literal: string): string[];
  /** Date fields holding calendar dates rather than instants. */
  dateOnly?: boolean;
  sortKey(issue: StoredIssue): string | number | null;
}

const CATEGORY_ALIASES: Record<string, StatusCategoryKey> = {
  'to do': 'new',
  new: 'new',
  '2': 'new',
  'in progress': 'indeterminate',
  indeterminate: 'indeterminate',
  '4': 'indeterminate',
  done: 'done',
  complete: 'done',
  '3': 'done',
};

const noValue = (literal: string, field: string) =>
  jqlError(`The value '${literal}' does not exist for the field '${field}'.`);
const unknownField = (name: string) =>
  jqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
const dateMs = (date: string | null) => (date ? Date.parse(`${date}T00:00:00Z`) : undefined);
const present = <T>(values: (T | null | undefined)[]): T[] =>
  values.filter((value): value is T => value !== null && value !== undefined);

/** Resolves a JQL field reference (system clause name, custom field, entity property or alias). */
export function resolveField(reference: string, env: JqlEnvironment): ResolvedField {
  const property = /^issue\.property\[(.+?)\]\.(.+)$/i.exec(reference);
  if (property) {
    const indexed = env.indexedProperties.find(
      (candidate) => candidate.propertyKey === property[1] && candidate.path === property[2],
    );
    if (!indexed) throw unknownField(reference);
    return propertyField(reference, indexed);
  }
  const alias = env.indexedProperties.find(
    (candidate) => candidate.searchAlias?.toLowerCase() === reference.toLowerCase(),
  );
  if (alias) return propertyField(reference, alias);
  const system = systemField(reference.toLowerCase(), env);
  if (system) return system;
  const custom = env.catalog.customField(reference);
  if (custom) {
    const read = (issue: StoredIssue) => present([issue.customFields[custom.id] as string | number | null | undefined]);
    const base = {
      name: custom.name,
      sortKey: (issue: StoredIssue) => (issue.customFields[custom.id] as string | number | undefined) ?? null,
    };
    if (custom.type === 'string') return { ...base, kind: 'text', read: (issue) => read(issue).map(String) };
    if (custom.type === 'number') return { ...base, kind: 'number', read: (issue) => read(issue).map(Number) };
    if (custom.type === 'date')
      return {
        ...base,
        kind: 'date',
        dateOnly: true,
        read: (issue) => present([dateMs(read(issue).map(String)[0] ?? null)]),
      };
    if (custom.type === 'datetime')
      return { ...base, kind: 'date', read: (issue) => read(issue).map((value) => Date.parse(String(value))) };
    return {
      ...base,
      kind: 'exact',
      read: (issue) => read(issue).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value))),
      canonical: (literal) => [literal],
    };
  }
  throw unknownField(reference);
}

function systemField(name: string, env: JqlEnvironment): ResolvedField | undefined {
  const { catalog } = env;
  switch (name) {
    case 'project':
      return {
        name: 'project',
        kind: 'exact',
        read: (issue) => [issue.projectId],
        canonical: (literal) => {
          const project =
            catalog.project(literal) ??
            catalog.projects().find((candidate) => candidate.name.toLowerCase() === literal.toLowerCase());
          if (!project) throw noValue(literal, 'project');
          return [project.id];
        },
        sortKey: (issue) => catalog.projectById(issue.projectId).key,
      };
    case 'key':
    case 'issuekey':
    case 'id':
    case 'issue':
      return {
        name: 'key',
        kind: 'exact',
        read: (issue) => [issue.id],
        canonical: (literal) => {
          if (/^\d+$/.test(literal)) return [literal];
          const issue = env.findIssue(literal);
          if (!issue) throw jqlError(`An issue with key '${literal}' does not exist for field '${name}'.`);
          return [issue.id];
        },
        sortKey: (issue) => keySortKey(catalog.projectById(issue.projectId).key, issue.key),
      };
    case 'issuetype':
    case 'type':
      return {
        name: 'issuetype',
        kind: 'exact',
        read: (issue) => [issue.issueTypeId],
        canonical: (literal) => matching(catalog.issueTypes(), literal, 'issuetype'),
        sortKey: (issue) => catalog.issueType(issue.issueTypeId).name.toLowerCase(),
      };
    case 'status':
      return {
        name: 'status',
        kind: 'exact',
        read: (issue) => [issue.statusId],
        canonical: (literal) => matching(catalog.statuses(), literal, 'status'),
        sortKey: (issue) => catalog.status(issue.statusId).name.toLowerCase(),
      };
    case 'statuscategory':
      return {
        name: 'statusCategory',
        kind: 'exact',
        read: (issue) => [catalog.status(issue.statusId).category],
        canonical: (literal) => {
          const category = CATEGORY_ALIASES[literal.toLowerCase()];
          if (!category) throw noValue(literal, 'statusCategory');
          return [category];
        },
        sortKey: (issue) => catalog.status(issue.statusId).category,
      };
    case 'priority':
      return {
        name: 'priority',
        kind: 'exact',
        read: (issue) => [issue.priorityId],
        canonical: (literal) => matching(catalog.priorities(), literal, 'priority'),
        sortKey: (issue) => Number(issue.priorityId),
      };
    case 'resolution':
      return {
        name: 'resolution',
        kind: 'exact',
        read: (issue) => present([issue.resolutionId]),
        canonical: (literal) =>
          literal.toLowerCase() === 'unresolved' ? [] : matching(catalog.resolutions(), literal, 'resolution'),
        sortKey: (issue) => issue.resolutionId,
      };
    case 'labels':
      return {
        name: 'labels',
        kind: 'exact',
        read: (issue) => issue.labels.map((label) => label.toLowerCase()),
        canonical: (literal) => [literal.toLowerCase()],
        sortKey: (issue) => issue.labels.join(' ').toLowerCase() || null,
      };
    case 'assignee':
    case 'reporter':
    case 'creator': {
      const read = (issue: StoredIssue) =>
        present([name === 'assignee' ? issue.assigneeId : name === 'reporter' ? issue.reporterId : issue.creatorId]);
      return {
        name,
        kind: 'exact',
        read,
        canonical: (literal) => {
          if (!env.userExists(literal)) throw noValue(literal, name);
          return [literal];
        },
        sortKey: (issue) => read(issue)[0] ?? null,
      };
    }
    case 'summary':
      return {
        name: 'summary',
        kind: 'text',
        read: (issue) => [issue.summary],
        sortKey: (issue) => issue.summary.toLowerCase(),
      };
    case 'description':
      return {
        name: 'description',
        kind: 'text',
        read: (issue) => present([adfText(issue.description) || null]),
        sortKey: () => null,
      };
    case 'comment':
      return {
        name: 'comment',
        kind: 'text',
        read: (issue) => present([issue.comments.map((comment) => adfText(comment.body)).join('\n') || null]),
        sortKey: () => null,
      };
    case 'text':
      return {
        name: 'text',
        kind: 'text',
        sortKey: () => null,
        read: (issue) => [
          [
            issue.summary,
            adfText(issue.description),
            ...issue.comments.map((comment) => adfText(comment.body)),
            ...catalog
              .customFields()
              .filter((fieldDef) => fieldDef.type === 'string')
              .map((fieldDef) => String(issue.customFields[fieldDef.id] ?? '')),
          ].join('\n'),
        ],
      };
    case 'created':
    case 'createddate':
      return { name: 'created', kind: 'date', read: (issue) => [issue.created], sortKey: (issue) => issue.created };
    case 'updated':
    case 'updateddate':
      return { name: 'updated', kind: 'date', read: (issue) => [issue.updated], sortKey: (issue) => issue.updated };
    case 'resolved':
    case 'resolutiondate':
      return {
        name: 'resolved',
        kind: 'date',
        read: (issue) => present([issue.resolutionDate]),
        sortKey: (issue) => issue.resolutionDate,
      };
    case 'statuscategorychangeddate':
      return {
        name: 'statusCategoryChangedDate',
        kind: 'date',
        read: (issue) => [issue.statusCategoryChangeDate],
        sortKey: (issue) => issue.statusCategoryChangeDate,
      };
    case 'due':
    case 'duedate':
      return {
        name: 'due',
        kind: 'date',
        dateOnly: true,
        read: (issue) => present([dateMs(issue.duedate)]),
        sortKey: (issue) => dateMs(issue.duedate) ?? null,
      };
    default:
      return undefined;
  }
}

function matching(items: { id: string; name: string }[], literal: string, field: string): string[] {
  const found = byIdOrName(items, literal);
  if (!found) throw noValue(literal, field);
  return items
    .filter((item) => item.id === found.id || item.name.toLowerCase() === found.name.toLowerCase())
    .map((item) => item.id);
}

function keySortKey(projectKey: string, issueKey: string): string {
  const number = Number(issueKey.split('-').pop());
  return `${projectKey}-${String(number).padStart(12, '0')}`;
}

function propertyField(name: string, indexed: IndexedPropertyPath): ResolvedField {
  const raw = (issue: StoredIssue): unknown[] => {
    let value: unknown = issue.properties[indexed.propertyKey];
    for (const step of indexed.path.split('.')) {
      value =
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)[step]
          : undefined;
    }
    return (Array.isArray(value) ? value : [value]).filter((item) => item !== undefined && item !== null);
  };
  const first = (issue: StoredIssue) => raw(issue)[0];
  switch (indexed.type) {
    case 'number':
      return {
        name,
        kind: 'number',
        read: (issue) => raw(issue).map(Number).filter(Number.isFinite),
        sortKey: (issue) => (first(issue) === undefined ? null : Number(first(issue))),
      };
    case 'date':
      return {
        name,
        kind: 'date',
        read: (issue) =>
          raw(issue)
            .map((value) => Date.parse(String(value)))
            .filter(Number.isFinite),
        sortKey: (issue) => (first(issue) === undefined ? null : Date.parse(String(first(issue)))),
      };
    case 'text':
      return {
        name,
        kind: 'text',
        read: (issue) => present([raw(issue).map(String).join(' ') || null]),
        sortKey: (issue) => (first(issue) === undefined ? null : String(first(issue))),
      };
    default:
      return {
        name,
        kind: 'exact',
        read: (issue) => raw(issue).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value))),
        canonical: (literal) => [literal],
        sortKey: (issue) => (first(issue) === undefined ? null : String(first(issue))),
      };
  }
}
