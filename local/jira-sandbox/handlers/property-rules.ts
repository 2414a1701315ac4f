import { JiraError } from '../http/errors';

const MAX_KEY_LENGTH = 255;
const MAX_VALUE_LENGTH = 32768;

/** Jira's limits on entity properties: a key of 1-255 characters, a JSON value of at most 32 KB. */
export function checkProperty(key: unknown, value: unknown): void {
  if (typeof key !== 'string' || key.length === 0)
    throw new JiraError(400, ['The property key cannot be null or empty.']);
  if (key.length > MAX_KEY_LENGTH)
    throw new JiraError(400, [`The property key cannot be longer than ${MAX_KEY_LENGTH} characters.`]);
  if (value === undefined) throw new JiraError(400, ['The property value cannot be null.']);
  if (JSON.stringify(value).length > MAX_VALUE_LENGTH)
    throw new JiraError(400, [`The property value cannot be longer than ${MAX_VALUE_LENGTH} characters.`]);
}

/** Properties given as `[{key, value}]` in a create call, checked and keyed. */
export function propertyList(properties: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const entry of (properties as { key?: unknown; value?: unknown }[] | undefined) ?? []) {
    checkProperty(entry.key, entry.value);
    result[entry.key as string] = entry.value;
  }
  return result;
}

export function propertyNotFound(key: string): JiraError {
  return new JiraError(404, [`The property with key '${key}' does not exist.`]);
}
