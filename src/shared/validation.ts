import * as v from 'valibot';

/**
 * What every schema of the app shares on top of valibot (`import * as v from 'valibot'`, tree-shaken per function):
 * English messages for the checks that carry none of their own, objects that report a missing field as that
 * field's own schema would, and issues as `path → message`.
 */

type Issue = v.BaseIssue<unknown>;

/** A key a strict object does not accept (valibot puts it on the key; the app reports it on the object). */
const isUnknownKey = (issue: Issue) => issue.expected === 'never' && issue.path?.at(-1)?.origin === 'key';

const lengthUnit = (input: unknown) => (Array.isArray(input) ? 'items' : 'characters');

/** The message of a check given none of its own. */
function englishMessage(issue: Issue): string {
  const { input, requirement } = issue;
  if (issue.kind === 'schema') {
    if (isUnknownKey(issue)) return `Unrecognized key: "${String(issue.path?.at(-1)?.key)}"`;
    if (input === undefined) return 'is missing';
    if (issue.type === 'picklist') return `must be one of ${issue.expected?.split(' | ').join(', ')}`;
    if (issue.type === 'union') return 'is none of the accepted forms';
    return `must be of type ${issue.expected?.toLowerCase()}`;
  }
  switch (issue.type) {
    case 'min_length':
      return `must have at least ${String(requirement)} ${lengthUnit(input)}`;
    case 'max_length':
      return `must have at most ${String(requirement)} ${lengthUnit(input)}`;
    case 'min_value':
      return `must be at least ${String(requirement)}`;
    case 'max_value':
      return `must be at most ${String(requirement)}`;
    case 'integer':
      return 'must be a whole number';
    case 'regex':
      return 'is not in the expected format';
    default:
      return 'is invalid';
  }
}

v.setGlobalMessage(englishMessage);

/** The message of an object's issue: a missing field gets the one its own schema gives for no value. */
function fieldFirst(entries: v.ObjectEntries, message: string | undefined) {
  return (issue: Issue): string => {
    const key = issue.path?.[0]?.key;
    const missing = issue.expected !== 'never' && issue.path?.[0]?.origin === 'key' && typeof key === 'string';
    const field = missing && Object.prototype.hasOwnProperty.call(entries, key) ? entries[key] : undefined;
    return (field && v.safeParse(field, undefined).issues?.[0].message) || message || englishMessage(issue);
  };
}

/** valibot takes an array for an object (its keys read as missing); the app's objects are plain objects only. */
const plainObject = (message: string | undefined) =>
  v.custom<Record<string, unknown>>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    message ?? ((issue) => (issue.input === undefined ? 'is missing' : 'must be of type object')),
  );

/** An object that drops unknown keys. `message`: for a value that is no object. */
export const object = <const E extends v.ObjectEntries>(entries: E, message?: string) =>
  v.pipe(plainObject(message), v.object(entries, fieldFirst(entries, message)));

/** An object that refuses unknown keys. `message`: for a value that is no object, or an unknown key. */
export const strictObject = <const E extends v.ObjectEntries>(entries: E, message?: string) =>
  v.pipe(plainObject(message), v.strictObject(entries, fieldFirst(entries, message)));

/** An object that keeps unknown keys as they are. */
export const looseObject = <const E extends v.ObjectEntries>(entries: E, message?: string) =>
  v.pipe(plainObject(message), v.looseObject(entries, fieldFirst(entries, message)));

/** Where an issue is, as dotted keys (`mapping.PAID`); an unknown key is reported on its object. */
export function pathOf(issue: Issue): string {
  const items = (issue.path ?? []).slice(0, isUnknownKey(issue) ? -1 : undefined);
  return items.map((item) => String(item.key)).join('.');
}

/** Each path's first message; `(input)` for the input as a whole. */
export function fieldMessages(issues: readonly Issue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[pathOf(issue) || '(input)'] ??= issue.message;
  return fields;
}

/** `path: message; path: message`, for one sentence. */
export const listFields = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([path, message]) => `${path}: ${message}`)
    .join('; ');
